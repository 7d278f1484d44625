<#-- One certificate, key or public key of the lab's PKI. The PEM text is made in Java (Pki) and passed in
     as `pem`; Go's PEM reader skips the text before "-----BEGIN", so even keys can say who wrote them.
     No newline after ${pem}: the PEM ends with one. -->
# ${managed}
${pem}<#t>
