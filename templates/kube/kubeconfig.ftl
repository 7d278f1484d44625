<#-- Every kubeconfig: the components' on the nodes and the admin's that olab kubeconfig writes on the host.
     The CA, certificate and key are embedded (base64 of the PEM, made in Java) so one file is all it needs. -->
# ${managed}
apiVersion: v1
kind: Config
clusters:
- name: ${kubeconfig.cluster}
  cluster:
    server: ${kubeconfig.server}
    certificate-authority-data: ${kubeconfig.caData}
users:
- name: ${kubeconfig.user}
  user:
    client-certificate-data: ${kubeconfig.certData}
    client-key-data: ${kubeconfig.keyData}
contexts:
- name: ${kubeconfig.user}@${kubeconfig.cluster}
  context:
    cluster: ${kubeconfig.cluster}
    user: ${kubeconfig.user}
current-context: ${kubeconfig.user}@${kubeconfig.cluster}
