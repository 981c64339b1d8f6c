package dev.parity.documents;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text an EXIF block (a TIFF structure) holds about a picture's maker and place: its ASCII
 * and Windows (XP) text tags in the main, EXIF and GPS directories, and the GPS position as
 * {@code latitude,longitude} in degrees with six decimals. Stateless and thread-safe.
 */
final class Exif {
  private static final Map<Integer, String> TEXT_TAGS = Map.ofEntries(
      Map.entry(0x010D, "DocumentName"), Map.entry(0x010E, "ImageDescription"), Map.entry(0x010F, "Make"),
      Map.entry(0x0110, "Model"), Map.entry(0x0131, "Software"), Map.entry(0x013B, "Artist"),
      Map.entry(0x013C, "HostComputer"), Map.entry(0x8298, "Copyright"), Map.entry(0x9286, "UserComment"),
      Map.entry(0xA430, "CameraOwnerName"), Map.entry(0xA431, "BodySerialNumber"), Map.entry(0xA420, "ImageUniqueID"),
      Map.entry(0x9C9B, "XPTitle"), Map.entry(0x9C9C, "XPComment"), Map.entry(0x9C9D, "XPAuthor"),
      Map.entry(0x9C9E, "XPKeywords"), Map.entry(0x9C9F, "XPSubject"));
  private static final int EXIF_IFD = 0x8769;
  private static final int GPS_IFD = 0x8825;

  private Exif() {}

  /** Reads the TIFF structure in {@code b[from, to)}; a broken one gives what was read before the break. */
  static void surfaces(byte[] b, int from, int to, List<Surface> out) {
    if (to - from < 8) {
      return;
    }
    Tiff tiff = new Tiff(b, from, to, b[from] == 'I');
    double[] gps = new double[4];
    boolean[] have = new boolean[2];
    directory(tiff, tiff.u32(4), out, gps, have, new HashSet<>(), false);
    if (have[0] && have[1]) {
      add(out, "EXIF GPS", String.format(Locale.ROOT, "%.6f,%.6f", gps[0] * gps[1], gps[2] * gps[3]), Documents.GPS_LABEL);
    }
  }

  private static void directory(Tiff t, long offset, List<Surface> out, double[] gps, boolean[] have, Set<Long> seen,
      boolean isGps) {
    if (offset <= 0 || offset + 2 > t.length() || !seen.add(offset)) {
      return;
    }
    int count = t.u16((int) offset);
    for (int i = 0; i < count; i++) {
      int entry = (int) offset + 2 + i * 12;
      if (entry + 12 > t.length()) {
        return;
      }
      int tag = t.u16(entry);
      int type = t.u16(entry + 2);
      long n = t.u32(entry + 4);
      long size = n * switch (type) { case 3 -> 2; case 4, 9 -> 4; case 5, 10 -> 8; default -> 1; };
      int data = size <= 4 ? entry + 8 : (int) t.u32(entry + 8);
      if (data < 0 || data + size > t.length()) {
        continue;
      }
      if (isGps) {
        switch (tag) {
          case 1 -> gps[1] = t.ascii(data, 1).toUpperCase(Locale.ROOT).startsWith("S") ? -1 : 1;
          case 3 -> gps[3] = t.ascii(data, 1).toUpperCase(Locale.ROOT).startsWith("W") ? -1 : 1;
          case 2 -> { gps[0] = t.degrees(data); have[0] = n == 3 && type == 5; }
          case 4 -> { gps[2] = t.degrees(data); have[1] = n == 3 && type == 5; }
          default -> { }
        }
        continue;
      }
      if (tag == EXIF_IFD || tag == GPS_IFD) {
        if (tag == GPS_IFD) {
          gps[1] = gps[1] == 0 ? 1 : gps[1];
          gps[3] = gps[3] == 0 ? 1 : gps[3];
        }
        directory(t, t.u32(entry + 8), out, gps, have, seen, tag == GPS_IFD);
      } else if (TEXT_TAGS.containsKey(tag)) {
        String name = TEXT_TAGS.get(tag);
        String text = name.startsWith("XP") ? new String(t.b, t.base + data, (int) size, StandardCharsets.UTF_16LE)
            : tag == 0x9286 && size > 8 ? t.ascii(data + 8, (int) size - 8) : t.ascii(data, (int) size);
        add(out, "EXIF " + name, text.replace("\0", "").strip(), name);
      }
    }
  }

  private static void add(List<Surface> out, String where, String text, String label) {
    Surface.add(out, where, text, label);
  }

  /** The TIFF block, read with its byte order; offsets are from its start. */
  private record Tiff(byte[] b, int base, int end, boolean little) {
    int length() {
      return end - base;
    }

    int u16(int at) {
      int x = b[base + at] & 0xFF;
      int y = b[base + at + 1] & 0xFF;
      return little ? x | (y << 8) : (x << 8) | y;
    }

    long u32(int at) {
      long hi = u16(little ? at + 2 : at);
      long lo = u16(little ? at : at + 2);
      return (hi << 16) | lo;
    }

    String ascii(int at, int size) {
      return new String(b, base + at, Math.max(0, size), StandardCharsets.ISO_8859_1);
    }

    /** Three rationals: degrees, minutes, seconds. */
    double degrees(int at) {
      double value = 0;
      double scale = 1;
      for (int i = 0; i < 3; i++) {
        long num = u32(at + i * 8);
        long den = u32(at + i * 8 + 4);
        value += den == 0 ? 0 : (double) num / den / scale;
        scale *= 60;
      }
      return value;
    }
  }
}
