package dev.parity.documents.vetting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Findings a suite's owner has accepted, each entry with its reason, read from a JSON file:
 *
 * <pre>{@code
 * {"allow": [
 *   {"value": "@example.org", "reason": "reserved domain; every address in the suite is invented"},
 *   {"kind": "company", "reason": "the companies in the properties are the fictional ones of the tasks"},
 *   {"file": "tasks/*\/references/*.pdf", "kind": "confidentiality_marker", "reason": "fictional memos"}
 * ]}
 * }</pre>
 *
 * An entry allows a finding when every condition it has holds: {@code value} is contained in the
 * finding's match (ignoring case), {@code kind} is its kind, {@code file} is a glob its file name
 * (relative to the suite, with {@code /}) matches ({@code *} within a folder, {@code **} across
 * folders). Each entry needs a {@code reason} and at least one condition. Immutable and
 * thread-safe.
 */
public final class AllowList {
  private static final Set<String> FIELDS = Set.of("value", "kind", "file", "reason");

  /**
   * One accepted thing.
   *
   * @param number its place in the file's list, from 1
   * @param value text a finding's match must contain (ignoring case), or null
   * @param kind the kind a finding must have, or null
   * @param file the glob a finding's file must match, or null
   * @param reason why it is accepted (what an attestation records)
   */
  public record Entry(int number, String value, String kind, String file, String reason) {
    boolean allows(Finding finding, PathMatcher glob) {
      return (value == null || finding.match().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)))
          && (kind == null || kind.equals(finding.kind()))
          && (glob == null || glob.matches(Path.of(finding.file())));
    }
  }

  private final List<Entry> entries;
  private final List<PathMatcher> globs;

  private AllowList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    List<PathMatcher> globs = new ArrayList<>();
    for (Entry entry : entries) {
      globs.add(entry.file() == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + entry.file()));
    }
    this.globs = globs;
  }

  /** The list that allows nothing. */
  public static AllowList none() {
    return new AllowList(List.of());
  }

  /**
   * Reads an allow-list file.
   *
   * @throws InvalidAllowListException when it cannot be read or is not as described above,
   *     naming the file and the entry
   */
  public static AllowList read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new InvalidAllowListException(file + ": not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new InvalidAllowListException(file + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("allow").isArray()) {
      throw new InvalidAllowListException(file + ": must be an object with a list \"allow\" of entries");
    }
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int number = 0;
    for (JsonNode node : root.get("allow")) {
      number++;
      String at = file + ": allow entry " + number + ": ";
      if (!node.isObject()) {
        problems.add(at + "must be an object");
        continue;
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          problems.add(at + "unknown field \"" + name + "\" (known: value, kind, file, reason)");
        } else if (!node.get(name).isTextual() || node.get(name).asText().isBlank()) {
          problems.add(at + "\"" + name + "\" must be a non-empty string");
        }
      }
      String value = text(node, "value");
      String kind = text(node, "kind");
      String glob = text(node, "file");
      String reason = text(node, "reason");
      if (reason == null) {
        problems.add(at + "needs a \"reason\"");
      }
      if (value == null && kind == null && glob == null) {
        problems.add(at + "needs at least one of \"value\", \"kind\", \"file\"");
      }
      if (kind != null && !Kinds.isKnown(kind)) {
        problems.add(at + "unknown kind \"" + kind + "\" (known: " + String.join(", ", Kinds.all()) + ")");
      }
      if (glob != null) {
        try {
          FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
          problems.add(at + "\"file\" is not a glob: " + e.getMessage());
        }
      }
      entries.add(new Entry(number, value, kind, glob, reason));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAllowListException(String.join("\n", problems));
    }
    return new AllowList(entries);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
  }

  /**
   * The first entry that allows {@code finding}, if any. A file that could not be read (its match
   * is empty) is never allowed by a value, only by its kind or file.
   */
  public Optional<Entry> allowing(Finding finding) {
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.allows(finding, globs.get(i))) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public List<Entry> entries() {
    return entries;
  }
}
