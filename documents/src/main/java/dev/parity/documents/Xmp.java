package dev.parity.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an XMP packet (in a PDF or an image) says about who made the file. */
final class Xmp {
  /** Properties whose values identify a person, an organisation, a tool or a time. */
  private static final Pattern PROPERTY = Pattern.compile(
      "(?s)<((?:dc:creator|dc:rights|dc:publisher|dc:contributor|xmp:CreatorTool|xmp:CreateDate|xmp:ModifyDate"
          + "|xmp:MetadataDate|pdf:Producer|pdf:Author|photoshop:AuthorsPosition|photoshop:Credit|xmpMM:DocumentID"
          + "|xmpMM:InstanceID|xmpMM:OriginalDocumentID|tiff:Artist|tiff:Make|tiff:Model|exif:\\w+))\\b[^>]*>(.*?)</\\1>");
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "\\s((?:xmp:CreatorTool|pdf:Producer|xmp:CreateDate|xmp:ModifyDate|xmpMM:DocumentID|tiff:Make|tiff:Model))=\"([^\"]*)\"");

  private Xmp() {}

  /** {@code property = value} for each identifying property in the packet. */
  static List<String> identifying(String xml) {
    List<String> found = new ArrayList<>();
    Matcher element = PROPERTY.matcher(xml);
    while (element.find()) {
      String value = element.group(2).replaceAll("<[^>]+>", " ").strip();
      if (!value.isEmpty()) {
        found.add(element.group(1) + " = " + Found.cut(value));
      }
    }
    Matcher attribute = ATTRIBUTE.matcher(xml);
    while (attribute.find()) {
      found.add(attribute.group(1) + " = " + Found.cut(attribute.group(2)));
    }
    return found;
  }

  /**
   * Each property's text in an XMP packet, at {@code PREFIX property} and labelled with the
   * property's name ({@code dc:creator}), list items and language alternatives included; a
   * packet that is not well-formed XML is read as text, whole.
   */
  static void surfaces(String xml, String prefix, List<Surface> out) {
    int start = xml.indexOf('<');
    String packet = start < 0 ? "" : xml.substring(start);
    org.w3c.dom.Document doc;
    try {
      doc = OoxmlPackage.parse(prefix, packet.replaceAll("<\\?xpacket[^>]*\\?>", "").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      Surface.add(out, prefix, xml, "");
      return;
    }
    leaves(doc.getDocumentElement(), prefix, out);
  }

  private static void leaves(org.w3c.dom.Element element, String prefix, List<Surface> out) {
    org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      String name = attributes.item(i).getNodeName();
      if (!name.startsWith("xmlns") && !name.startsWith("rdf:") && !name.startsWith("xml:") && !name.startsWith("x:")) {
        Surface.add(out, prefix + " " + name, attributes.item(i).getNodeValue(), name);
      }
    }
    List<org.w3c.dom.Element> children = OoxmlPackage.children(element);
    if (children.isEmpty()) {
      String property = element.getNodeName();
      for (org.w3c.dom.Node up = element; up instanceof org.w3c.dom.Element e && e.getNodeName().startsWith("rdf:");
          up = up.getParentNode()) {
        property = up.getParentNode() == null ? property : up.getParentNode().getNodeName();
      }
      Surface.add(out, prefix + " " + property, element.getTextContent(), property);
      return;
    }
    children.forEach(child -> leaves(child, prefix, out));
  }
}
