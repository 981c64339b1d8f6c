package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of a DOCX, XLSX or PPTX package (a zip file), read or rewritten one part at a time,
 * and the safe XML parsing and writing of a part. Rewritten packages have every zip entry time
 * set to one fixed date. Stateless and thread-safe.
 */
final class OoxmlPackage {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final long MAX_PART_BYTES = 256L * 1024 * 1024;

  /** What becomes of one part: its bytes as they are to be kept, or null to leave the part out. */
  interface PartEditor {
    byte[] edit(String name, byte[] content) throws IOException;
  }

  private OoxmlPackage() {}

  /** Hands every part to {@code reader}, in zip order; what it returns is ignored. */
  static void read(byte[] bytes, PartEditor reader) throws IOException {
    walk(bytes, reader, null);
  }

  /** The package with each part as {@code editor} returns it, in the same order. */
  static byte[] rewrite(byte[] bytes, PartEditor editor) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      walk(bytes, editor, zip);
    }
    return out.toByteArray();
  }

  private static void walk(byte[] bytes, PartEditor editor, ZipOutputStream out) throws IOException {
    boolean any = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        any = true;
        String name = entry.getName();
        byte[] content = in.readNBytes((int) MAX_PART_BYTES + 1);
        if (content.length > MAX_PART_BYTES) {
          throw new IOException("part " + name + " is larger than " + MAX_PART_BYTES + " bytes");
        }
        byte[] kept = editor.edit(name, content);
        if (out != null && kept != null) {
          ZipEntry copy = new ZipEntry(name);
          copy.setTimeLocal(FIXED_TIME);
          out.putNextEntry(copy);
          out.write(kept);
          out.closeEntry();
        }
      }
    }
    if (!any) {
      throw new IOException("not a zip package");
    }
  }

  static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        children.add((Element) nodes.item(i));
      }
    }
    return children;
  }

  static Document parse(String name, byte[] content) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // Office parts never need a DTD; refusing one rules out entity expansion and outside loads.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("part " + name + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  static byte[] serialise(String name, Document doc) throws IOException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      doc.setXmlStandalone(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IOException("part " + name + " cannot be written back: " + e.getMessage(), e);
    }
  }
}
