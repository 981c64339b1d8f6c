package dev.parity.documents;

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
}
