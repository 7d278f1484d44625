module overlaylab.dev/flanneld-build

go 1.25.9

require github.com/flannel-io/flannel v0.28.9

replace github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc => github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc v1.0.900
