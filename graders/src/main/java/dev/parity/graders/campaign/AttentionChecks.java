package dev.parity.graders.campaign;

import dev.parity.documents.FileFormat;
import dev.parity.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes the deliberately broken deliverable of an attention check from a task's baseline: a grader
 * who reads both sides cannot prefer it, or judge the two as good as each other. Text files keep
 * their first third, with the words of every line shuffled; other files are cut in half, so they
 * no longer open. Names are kept, so the broken side looks like any deliverable until it is read.
 */
final class AttentionChecks {
  private AttentionChecks() {}

  static List<CampaignFile> broken(List<CampaignFile> baseline, BlobStore blobs, Random random) {
    List<CampaignFile> broken = new ArrayList<>();
    for (CampaignFile file : baseline) {
      byte[] bytes = blobs.get(file.sha256());
      boolean text = FileFormat.ofFileName(file.name()).map(f -> !f.isBinary()).orElse(false);
      byte[] garbled = text ? garbleText(new String(bytes, StandardCharsets.UTF_8), random).getBytes(StandardCharsets.UTF_8)
          : Arrays.copyOf(bytes, bytes.length / 2);
      broken.add(CampaignFile.put(blobs, file.name(), garbled, null));
    }
    return broken;
  }

  static String garbleText(String text, Random random) {
    List<String> lines = text.lines().toList();
    int keep = Math.max(1, lines.size() / 3);
    StringBuilder out = new StringBuilder();
    for (String line : lines.subList(0, Math.min(keep, lines.size()))) {
      List<String> words = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
      Collections.shuffle(words, random);
      out.append(String.join(" ", words)).append('\n');
    }
    return out.toString();
  }
}
