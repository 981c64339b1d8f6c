package dev.parity.tasks.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the load cache writes and reads the fields that {@link DataOutputStream} has no one call for. */
final class CacheFields {
  private CacheFields() {}

  static void writeOptional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeText(out, value);
    }
  }

  static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? readText(in) : null;
  }

  /** Text of any length ({@code writeUTF} stops at 64 KB, which a licence or a path may pass). */
  static void writeText(DataOutputStream out, String value) throws IOException {
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length " + length);
    }
    return in.readNBytes(length);
  }

  static void writeStamp(DataOutputStream out, FileStamp stamp) throws IOException {
    out.writeLong(stamp.inode());
    out.writeLong(stamp.size());
    out.writeLong(stamp.modifiedNanos());
    out.writeLong(stamp.changedNanos());
  }

  static FileStamp readStamp(DataInputStream in) throws IOException {
    return new FileStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
  }

  /** A count read back: never negative, never more than the bytes left could hold. */
  static int readCount(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IOException("bad count " + count);
    }
    return count;
  }
}
