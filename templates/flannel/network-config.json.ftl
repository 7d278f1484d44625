<#-- The value flannel reads at ${etcd.configKey}. JSON has no comments, so no "managed by" line.
     One line, keys in the order flannel's configuration.md lists them. -->
{"Network":"${flannel.network?json_string}",<#t>
"SubnetLen":${flannel.subnetLen}<#t>
<#if flannel.subnetMin?has_content>,"SubnetMin":"${flannel.subnetMin?json_string}"</#if><#t>
<#if flannel.subnetMax?has_content>,"SubnetMax":"${flannel.subnetMax?json_string}"</#if><#t>
,"Backend":{"Type":"${flannel.backend.type?json_string}"<#t>
<#list flannel.backend.options as option>
,"${option.name?json_string}":<#if option.value?is_string>"${option.value?json_string}"<#else>${option.value}</#if><#t>
</#list>
}}
