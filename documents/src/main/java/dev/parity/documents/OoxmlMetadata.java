package dev.parity.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

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
    OoxmlPackage.read(bytes, (name, content) -> part(name, content, found, false));
    return found;
  }

  static byte[] strip(byte[] bytes) throws IOException {
    Found found = new Found();
    return OoxmlPackage.rewrite(bytes, (name, content) -> part(name, content, found, true));
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
    Document doc = OoxmlPackage.parse(name, content);
    boolean changed = properties ? properties(name, doc, found) : elements(name, doc.getDocumentElement(), found);
    return strip && changed ? OoxmlPackage.serialise(name, doc) : content;
  }

  private static boolean mayIdentify(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return TRIGGERS.stream().anyMatch(text::contains);
  }

  /** Core, extended or custom properties: every child of the root goes; identifying ones are reported. */
  private static boolean properties(String name, Document doc, Found found) {
    Element root = doc.getDocumentElement();
    List<Element> children = OoxmlPackage.children(root);
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
        && !element.getAttribute("Target").equals("Normal.dotm")
        && !element.getAttribute("Target").equals(OoxmlActiveContent.NOWHERE)) {
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
    if (local.equals("author") && OoxmlPackage.children(element).isEmpty() && !element.getTextContent().isBlank()
        && !element.getTextContent().strip().equals(NEUTRAL)) {
      found.add(part + " " + element.getNodeName(), Found.cut(element.getTextContent()));
      element.setTextContent(NEUTRAL);
      changed = true;
    }
    for (Element child : OoxmlPackage.children(element)) {
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
}
