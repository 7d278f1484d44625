package dev.overlaylab.provider.vboxws.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Parsing of responses and faults. The bodies are recorded: answers of the real vboxwebsrv
 * 7.2.22_Debian (Debian sid chroot, null auth) to requests sent with curl on 2026-11-28, cut to the
 * one response each.
 */
class SoapResponseTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="
            + "\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsi="
            + "\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:vbox="
            + "\"http://www.virtualbox.org/\"><SOAP-ENV:Body>";
    private static final String TAIL = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    @Test
    void readsTheReturnValue() {
        SoapResponse r = SoapResponse.parse("IWebsessionManager_logon", HEAD + "<vbox:IWebsessionManager_logonResponse><returnval>"
                + "0504627947e6e428-0000000000000001</returnval></vbox:IWebsessionManager_logonResponse>" + TAIL);
        assertThat(r.returnval()).isEqualTo("0504627947e6e428-0000000000000001");
        assertThat(SoapResponse.parse("IWebsessionManager_logoff", HEAD
                + "<vbox:IWebsessionManager_logoffResponse></vbox:IWebsessionManager_logoffResponse>" + TAIL).returnval()).isEmpty();
    }

    @Test
    void aRuntimeFaultCarriesVirtualBoxsResultCodeAndMessage() {
        assertThatThrownBy(() -> SoapResponse.parse("IVirtualBox_findMachine", HEAD + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client"
                + "</faultcode><faultstring>VirtualBox error: apirc=0x80bb0001 Could not find a registered machine named 'nope'"
                + " (0x80bb0001)</faultstring><detail><vbox:RuntimeFault><resultCode>-2135228415</resultCode><returnval>"
                + "0504627947e6e428-0000000000000003</returnval></vbox:RuntimeFault></detail></SOAP-ENV:Fault>" + TAIL))
                .isInstanceOfSatisfying(SoapFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(SoapFault.Kind.RUNTIME);
                    assertThat(f.resultHex()).contains("0x80bb0001");
                    assertThat(f.notFound()).isTrue();
                    assertThat(f.message()).isEqualTo("Could not find a registered machine named 'nope'");
                });
    }

    @Test
    void anInvalidObjectFaultNamesTheReference() {
        assertThatThrownBy(() -> SoapResponse.parse("IVirtualBox_getVersion", HEAD + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client"
                + "</faultcode><faultstring>VirtualBox error: Invalid managed object reference \"0504627947e6e428-0000000000000001\""
                + "</faultstring><detail><vbox:InvalidObjectFault><badObjectID>0504627947e6e428-0000000000000001</badObjectID>"
                + "</vbox:InvalidObjectFault></detail></SOAP-ENV:Fault>" + TAIL))
                .isInstanceOfSatisfying(SoapFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(SoapFault.Kind.INVALID_OBJECT);
                    assertThat(f.badObject()).contains("0504627947e6e428-0000000000000001");
                });
    }

    @Test
    void somethingThatIsNotSoapSaysSo() {
        assertThatThrownBy(() -> SoapResponse.parse("IVirtualBox_getVersion", "<html><body>Not Found</body>"))
                .hasMessageContaining("IVirtualBox_getVersion");
    }

    @Test
    void requestsEscapeTheirValuesAndHideThePassword() {
        SoapRequest r = SoapRequest.of("IWebsessionManager_logon").arg("username", "a<b&c").arg("password", "s3cret");
        assertThat(r.envelope()).contains("<username>a&lt;b&amp;c</username>");
        assertThat(r.describe()).isEqualTo("IWebsessionManager_logon(username=a<b&c)");
    }
}
