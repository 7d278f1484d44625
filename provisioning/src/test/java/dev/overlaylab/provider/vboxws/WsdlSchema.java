package dev.overlaylab.provider.vboxws;

import dev.overlaylab.provider.vboxws.soap.SoapRequest;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The XML Schema embedded in a WSDL served by a real {@code vboxwebsrv} ({@code <wsdl:types><xsd:schema>}),
 * compiled with javax.xml.validation, and a check of one request's body element against it.
 */
final class WsdlSchema {
    private final Schema schema;

    private WsdlSchema(Schema schema) {
        this.schema = schema;
    }

    static WsdlSchema of(String wsdl) throws Exception {
        Document doc = parse(wsdl);
        Element el = (Element) doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
        // the prefixes the schema's type="vbox:…" use are declared on wsdl:definitions; carry them over
        NamedNodeMap attrs = doc.getDocumentElement().getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI()) && !el.hasAttribute(a.getNodeName())) {
                el.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getNodeName(), a.getNodeValue());
            }
        }
        return new WsdlSchema(SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(el)));
    }

    /** Validates the operation element of {@code req}'s envelope; throws SAXException with the schema's complaint. */
    void validate(SoapRequest req) throws Exception {
        Document doc = parse(req.envelope());
        Element body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Node op = body.getFirstChild();
        while (op != null && op.getNodeType() != Node.ELEMENT_NODE) {
            op = op.getNextSibling();
        }
        schema.newValidator().validate(new DOMSource(op));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
