package dev.overlaylab.provider.vboxws.soap;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One document/literal call of VirtualBox's web service: the operation's element (e.g.
 * {@code vbox:IVirtualBox_findMachine}) holding its parameters in the WSDL's order, an array as the
 * same element repeated. Built with StAX, so names and values are escaped by the writer, not by hand.
 *
 * @param operation the WSDL operation, e.g. {@code IMachine_lockMachine}
 * @param params    parameter name and value, in order (an array parameter appears once per element)
 */
public record SoapRequest(String operation, List<Map.Entry<String, String>> params) {
    public static final String NS = "http://www.virtualbox.org/";
    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    public SoapRequest {
        params = List.copyOf(params);
    }

    public static SoapRequest of(String operation) {
        return new SoapRequest(operation, List.of());
    }

    /** This request with one more parameter. */
    public SoapRequest arg(String name, Object value) {
        List<Map.Entry<String, String>> p = new ArrayList<>(params);
        p.add(Map.entry(name, String.valueOf(value)));
        return new SoapRequest(operation, p);
    }

    /** This request with an array parameter: the element once per value (none for an empty array). */
    public SoapRequest array(String name, List<String> values) {
        SoapRequest r = this;
        for (String v : values) {
            r = r.arg(name, v);
        }
        return r;
    }

    /** The value of the first parameter called {@code name}, or null. */
    public String value(String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The whole SOAP 1.1 envelope, as sent. */
    public String envelope() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soapenv", "Envelope", ENVELOPE_NS);
            w.writeNamespace("soapenv", ENVELOPE_NS);
            w.writeNamespace("vbox", NS);
            w.writeStartElement("soapenv", "Body", ENVELOPE_NS);
            w.writeStartElement("vbox", operation, NS);
            for (Map.Entry<String, String> p : params) {
                // the schema's parameters are unqualified (no elementFormDefault): no namespace on them
                w.writeStartElement(p.getKey());
                w.writeCharacters(p.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the SOAP request " + operation, e);
        }
        return out.toString();
    }

    /** A short form for logs and dry runs: {@code IMachine_setMemorySize(memorySize=1024)}, references left out. */
    public String describe() {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            if (!p.getKey().equals("_this") && !p.getKey().startsWith("ref") && !p.getKey().equals("password")) {
                shown.add(p.getKey() + "=" + p.getValue());
            }
        }
        return operation + "(" + String.join(", ", shown) + ")";
    }
}
