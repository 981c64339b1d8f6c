package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Identifying metadata in DOCX, XLSX and PPTX files, found and removed by editing the package's
 * parts directly: core, extended and custom properties are emptied; the people in comments,
 * tracked changes and co-authoring lists are renamed {@value #NEUTRAL}; revision dates, the
 * saved-from folder, the app build and the attached template's path are removed; embedded JPEG
 * and PNG pictures lose their metadata; zip entry times are set to one fixed date. Everything
 * else is copied byte for byte. Stateless and thread-safe.
 */
final class OoxmlMetadata {
  static final String NEUTRAL = "Author";
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final long MAX_PART_BYTES = 256L * 1024 * 1024;
  private static final Set<String> PROPERTY_PARTS = Set.of("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml");
  /** Extended properties that say who or what made the file (not statistics such as page counts). */
  private static final Set<String> IDENTIFYING_EXTENDED =
      Set.of("Application", "AppVersion", "Company", "Manager", "Template", "TotalTime", "HyperlinkBase");
  private static final Set<String> PERSON_ATTRIBUTES = Set.of("author", "initials", "userId", "providerId");
  private static final Set<String> DATE_ATTRIBUTES = Set.of("date", "dateUtc", "dt", "dT");
  /** Elements naming the folder a workbook was saved from, the app build, and the revision stream. */
  private static final Set<String> IDENTIFYING_ELEMENTS = Set.of("absPath", "fileVersion", "revisionPtr");
  private static final List<String> TRIGGERS = List.of("author", "Author", "initials", "userId", "providerId",
      "displayName", "date", "dt=", "dT=", "absPath", "fileVersion", "revisionPtr", "attachedTemplate");

  private OoxmlMetadata() {}

  static Found inspect(byte[] bytes) throws IOException {
    Found found = new Found();
    walk(bytes, found, null);
    return found;
  }

  static byte[] strip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      walk(bytes, new Found(), zip);
    }
    return out.toByteArray();
  }

  private static void walk(byte[] bytes, Found found, ZipOutputStream out) throws IOException {
    boolean any = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        any = true;
        String name = entry.getName();
        byte[] content = in.readNBytes((int) MAX_PART_BYTES + 1);
        if (content.length > MAX_PART_BYTES) {
          throw new IOException("part " + name + " is larger than " + MAX_PART_BYTES + " bytes");
        }
        byte[] kept = part(name, content, found, out != null);
        if (out != null) {
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

  /** The part as it is to be kept (changed only when stripping), noting what identifies its maker. */
  private static byte[] part(String name, byte[] content, Found found, boolean strip) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jpeg") || lower.endsWith(".jpg") || lower.endsWith(".png")) {
      try {
        found.addAll(name + " ", ImageMetadata.inspect(content));
        return strip ? ImageMetadata.strip(content) : content;
      } catch (IOException e) {
        return content; // a picture that does not parse as one is left as it is, not guessed at
      }
    }
    if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
      return content;
    }
    boolean properties = PROPERTY_PARTS.contains(name);
    if (!properties && !mayIdentify(content)) {
      return content;
    }
    Document doc = parse(name, content);
    boolean changed = properties ? properties(name, doc, found) : elements(name, doc.getDocumentElement(), found);
    return strip && changed ? serialise(name, doc) : content;
  }

  private static boolean mayIdentify(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return TRIGGERS.stream().anyMatch(text::contains);
  }

  /** Core, extended or custom properties: every child of the root goes; identifying ones are reported. */
  private static boolean properties(String name, Document doc, Found found) {
    Element root = doc.getDocumentElement();
    List<Element> children = children(root);
    for (Element child : children) {
      String value = child.getTextContent().strip();
      if (name.endsWith("custom.xml")) {
        found.add(name + " custom property " + child.getAttribute("name"), Found.cut(value));
      } else if (!value.isEmpty() && (name.endsWith("core.xml") || IDENTIFYING_EXTENDED.contains(child.getLocalName()))) {
        found.add(name + " " + child.getNodeName(), Found.cut(value));
      }
      root.removeChild(child);
    }
    return !children.isEmpty();
  }

  /** People, dates, paths and app builds anywhere in a part; true if anything was changed. */
  private static boolean elements(String part, Element element, Found found) {
    boolean changed = false;
    String local = element.getLocalName();
    if (IDENTIFYING_ELEMENTS.contains(local)) {
      found.add(part + " " + element.getNodeName(), describe(element));
      element.getParentNode().removeChild(element);
      return true;
    }
    if (local.equals("Relationship") && element.getAttribute("Type").endsWith("/attachedTemplate")
        && !element.getAttribute("Target").equals("Normal.dotm")) {
      found.add(part + " attached template", Found.cut(element.getAttribute("Target")));
      element.setAttribute("Target", "Normal.dotm");
      changed = true;
    }
    boolean namesPerson = local.equals("cmAuthor") || local.equals("author") || local.equals("person");
    NamedNodeMap attributes = element.getAttributes();
    for (int i = attributes.getLength() - 1; i >= 0; i--) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      String where = part + " " + element.getNodeName() + "/@" + attribute.getName();
      if (PERSON_ATTRIBUTES.contains(name) || (namesPerson && (name.equals("name") || name.equals("displayName")))) {
        String neutral = name.equals("initials") ? "A" : NEUTRAL;
        if (!value.isBlank() && !value.equals(neutral)) {
          found.add(where, Found.cut(value));
          attribute.setValue(neutral);
          changed = true;
        }
      } else if (DATE_ATTRIBUTES.contains(name)) {
        found.add(where, Found.cut(value));
        element.removeAttributeNode(attribute);
        changed = true;
      }
    }
    if (local.equals("author") && children(element).isEmpty() && !element.getTextContent().isBlank()
        && !element.getTextContent().strip().equals(NEUTRAL)) {
      found.add(part + " " + element.getNodeName(), Found.cut(element.getTextContent()));
      element.setTextContent(NEUTRAL);
      changed = true;
    }
    for (Element child : children(element)) {
      changed |= elements(part, child, found);
    }
    return changed;
  }

  private static String describe(Element element) {
    List<String> parts = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (!a.getName().startsWith("xmlns")) {
        parts.add(a.getName() + "=" + a.getValue());
      }
    }
    return Found.cut(String.join(" ", parts));
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        children.add((Element) nodes.item(i));
      }
    }
    return children;
  }

  private static Document parse(String name, byte[] content) throws IOException {
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

  private static byte[] serialise(String name, Document doc) throws IOException {
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
