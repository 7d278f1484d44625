package dev.overlaylab.provider.vboxws.soap;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The values of one response ({@code <vbox:OPResponse>}'s children by name, an array as several
 * values), or the {@link SoapFault} it carries. Read with StAX: the responses are flat, so there is no
 * object model to bind and nothing generated from the 3.8 MB WSDL.
 */
public final class SoapResponse {
    private final Map<String, List<String>> values;

    private SoapResponse(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The first value named {@code name} ({@code returnval} for most calls); empty string when absent. */
    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public String returnval() {
        return get("returnval");
    }

    /** Every value named {@code name}, in order (an array result); empty list when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Parses a response body; a fault is thrown as {@link SoapFault}. */
    public static SoapResponse parse(String operation, String xml) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("Fault")) {
                        throw fault(operation, r);
                    }
                    if (name.equals(operation + "Response")) {
                        return new SoapResponse(children(r));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(operation + ": the web service answered something that is not SOAP: "
                    + head(xml), e);
        }
        throw new IllegalStateException(operation + ": the web service's answer holds no " + operation + "Response: " + head(xml));
    }

    /** Text children of the current element, by local name, until its end tag. */
    private static Map<String, List<String>> children(XMLStreamReader r) throws XMLStreamException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) {
                    String key = r.getLocalName();
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getElementText());
                    continue; // getElementText consumed the end tag
                }
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return out;
    }

    private static SoapFault fault(String operation, XMLStreamReader r) throws XMLStreamException {
        String faultString = "";
        SoapFault.Kind kind = SoapFault.Kind.OTHER;
        Long code = null;
        String bad = null;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "faultstring" -> faultString = r.getElementText();
                    case "RuntimeFault" -> { kind = SoapFault.Kind.RUNTIME; depth++; }
                    case "InvalidObjectFault" -> { kind = SoapFault.Kind.INVALID_OBJECT; depth++; }
                    case "resultCode" -> code = Long.parseLong(r.getElementText().strip());
                    case "badObjectID" -> bad = r.getElementText();
                    default -> depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new SoapFault(operation, kind, faultString, code, bad);
    }

    private static String head(String xml) {
        String s = xml.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
