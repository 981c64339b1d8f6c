package dev.parity.graders.grading;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.PageImage;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.Pages;
import dev.parity.documents.UnableToRenderException;
import dev.parity.graders.blinding.Blinder;
import dev.parity.graders.blinding.UnableToBlindException;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.PageRef;
import dev.parity.graders.pages.PageRender;
import dev.parity.graders.pages.RenderKey;
import dev.parity.graders.pages.RenderStatus;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ImageTokens;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.judgments.JudgeInputs;
import dev.parity.store.BlobStore;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deliverables and references as a model judge is shown them: each file's extracted text under a
 * neutral heading, and, for a judge that reads images, its pages drawn as PNG images within the
 * page budget (or, for a judge that reads PDFs but not images, a PDF itself). What is drawn and read
 * is the file as graders get it: {@linkplain Blinder#strip stripped} of identifying metadata and
 * active content, under a neutral name; a file that cannot be drawn goes as text with a note.
 *
 * <p>Pages are drawn once and kept in the store's {@link PageCache} (the grading app's: the same
 * file drawn by the same renderer at the same size is the same PNG blobs for graders and judges),
 * so that a dry run, a resumed pass and a campaign's renders are not drawn again; a render the cache
 * has as failed goes as text with its reason. Stripped copies are blobs too, which is where a judge
 * request's attachments are read from. Thread-safe.
 */
final class JudgeMaterials {
  /** The most characters of one deliverable's text a judge reads. */
  static final int DELIVERABLE_CAP = 60_000;
  /** The most characters of all references' text together a judge reads. */
  static final int REFERENCES_CAP = 30_000;

  private final BlobStore blobs;
  private final PageCache cache;
  private final PageRenderer renderer;
  private final PageOptions options;
  private final ModelConfig judge;
  private final Set<InputKind> accepted;
  private final ConcurrentMap<String, Drawn> drawn = new ConcurrentHashMap<>();

  /**
   * @param renderer draws pages; a format it does not handle goes as text
   * @param judge the judge model, whose {@link ModelConfig#accepted()} kinds decide pages, PDF or text
   */
  JudgeMaterials(BlobStore blobs, PageCache cache, PageRenderer renderer, PageOptions options, ModelConfig judge) {
    this.blobs = blobs;
    this.cache = cache;
    this.renderer = renderer;
    this.options = options;
    this.judge = judge;
    this.accepted = judge.accepted();
  }

  /**
   * Files as one judge call shows them.
   *
   * @param text the files' headings and extracted text, for the prompt
   * @param attachments page images and PDFs, in order, sent before the prompt
   * @param files what was sent of each file, for the record
   * @param imageTokens what the attachments cost in input tokens, by the judge's provider formula
   */
  record Shown(String text, List<Attachment> attachments, List<JudgeInputs.File> files, long imageTokens) {
    Shown {
      attachments = List.copyOf(attachments);
      files = List.copyOf(files);
    }
  }

  /**
   * One deliverable's files under neutral names: {@code deliverable-A-file-1-page-2.png} for side
   * {@code A}, {@code deliverable-file-1-page-2.png} for a deliverable shown alone ({@code side} null).
   */
  Shown deliverable(String side, List<DeliverableContent.File> files) {
    String prefix = side == null ? "deliverable" : "deliverable-" + side;
    String label = side == null ? "deliverable" : "deliverable " + side;
    Builder shown = new Builder();
    for (int i = 0; i < files.size(); i++) {
      DeliverableContent.File file = files.get(i);
      shown.add("=== file " + (i + 1) + " of " + files.size() + " (" + file.format().id() + ")",
          label + ", file " + (i + 1), prefix + "-file-" + (i + 1), file.format(), file.path());
    }
    if (files.isEmpty()) {
      shown.text.append("(no file was delivered)");
    }
    return shown.build(DELIVERABLE_CAP);
  }

  /** The task's references, under their own names (they are the requester's, not a contestant's). */
  Shown references(Task task) {
    Builder shown = new Builder();
    List<Reference> references = task.references();
    for (int i = 0; i < references.size(); i++) {
      Path path = task.file(references.get(i).file());
      shown.add("=== reference: " + path.getFileName(), "reference " + path.getFileName(),
          "reference-" + (i + 1), references.get(i).format(), path);
    }
    if (references.isEmpty()) {
      shown.text.append("(none)");
    }
    return shown.build(REFERENCES_CAP);
  }

  /** The record of a call that showed {@code shown}. */
  JudgeInputs inputs(List<Shown> shown) {
    List<JudgeInputs.File> files = shown.stream().flatMap(s -> s.files().stream()).toList();
    boolean anyDrawn = files.stream().anyMatch(f -> f.mode() == JudgeInputs.Mode.PAGES);
    return new JudgeInputs(anyDrawn ? renderer.version() : null, options.maxPages(), options.longEdge(), files);
  }

  /** A file made blind, read and drawn once: its text, and its pages (or why there are none). */
  private record Drawn(String text, List<Page> pages, Integer pageCount, Attachment pdf, String note) {}

  private record Page(int number, int width, int height, Path file, String sha256) {}

  /** The cached render of {@code key}, or one drawn now from the stripped {@code bytes} and cached. */
  private PageRender pages(RenderKey key, byte[] bytes) {
    Optional<PageRender> cached = cache.find(key);
    if (cached.isPresent() && cached.get().status().finished()) {
      return cached.get();
    }
    try {
      Pages pages = renderer.render(key.format(), bytes, options);
      List<PageRef> refs = new ArrayList<>();
      for (PageImage image : pages.images()) {
        refs.add(new PageRef(image.number(), image.width(), image.height(), blobs.put(image.png())));
      }
      return cache.done(key, refs, pages.pageCount());
    } catch (UnableToRenderException e) {
      return cache.failed(key, e.getMessage());
    }
  }

  private Drawn draw(FileFormat format, Path path) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    String sha = BlobStore.sha256(raw);
    return drawn.computeIfAbsent(format.id() + ":" + sha, key -> drawBlind(format, raw, sha));
  }

  private Drawn drawBlind(FileFormat format, byte[] raw, String rawSha) {
    byte[] bytes;
    try {
      bytes = Blinder.strip(format, raw);
    } catch (UnableToBlindException e) {
      return new Drawn("(this file could not be read: " + e.getMessage() + ")", List.of(), null, null,
          "could not be read");
    }
    String sha = blobs.put(bytes);
    Path blind = blobs.file(sha);
    String text = text(blind, format);
    if (accepted.contains(InputKind.IMAGE) && renderer.handles(format)) {
      PageRender render = pages(new RenderKey(rawSha, format, renderer.version(), options), bytes);
      if (render.status() == RenderStatus.FAILED) {
        return new Drawn(text, List.of(), null, null, "could not be drawn (" + render.reason() + "); sent as text");
      }
      List<Page> drawnPages = render.pages().stream()
          .map(p -> new Page(p.number(), p.width(), p.height(), blobs.file(p.pngSha256()), p.pngSha256())).toList();
      return new Drawn(text, drawnPages, render.pageCount(), null, null);
    }
    if (accepted.contains(InputKind.PDF) && format == FileFormat.PDF) {
      int count = Documents.pages(blind, format).orElse(0);
      if (count <= options.maxPages()) {
        return new Drawn(text, List.of(), count, new Attachment("file.pdf", format, blind, sha), null);
      }
      return new Drawn(text, List.of(), count, null, count + " pages, more than the budget of "
          + options.maxPages() + " pages per file; sent as text");
    }
    // A text file (md, csv, txt, json) has no pages: its text is all there is, and nothing is noted.
    String note = !format.isBinary() ? null
        : !Documents.hasText(format) ? "an image, and this judge takes no images; not shown"
        : accepted.contains(InputKind.IMAGE) ? "no page renderer for " + format.id() + " files here; sent as text"
        : accepted.contains(InputKind.PDF) ? "this judge takes PDFs, not images, and this is not a PDF; sent as text"
        : null;
    return new Drawn(text, List.of(), null, null, note);
  }

  private static String text(Path file, FileFormat format) {
    if (!Documents.hasText(format)) {
      return "(a " + format.id() + " image: it has no text)";
    }
    try {
      return Documents.text(file, format);
    } catch (RuntimeException e) {
      return "(this file's text could not be read: " + e.getMessage().replace(file.toString(), "the file") + ")";
    }
  }

  /** Collects one side's text, attachments and record, file by file. */
  private final class Builder {
    final StringBuilder text = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();
    final List<JudgeInputs.File> files = new ArrayList<>();
    long imageTokens;

    void add(String heading, String label, String name, FileFormat format, Path path) {
      Drawn file = draw(format, path);
      JudgeInputs.Mode mode;
      int sent;
      if (!file.pages().isEmpty()) {
        mode = JudgeInputs.Mode.PAGES;
        sent = file.pages().size();
        for (Page page : file.pages()) {
          attachments.add(new Attachment(name + "-page-" + page.number() + ".png", FileFormat.PNG,
              page.file(), page.sha256()));
          imageTokens += ImageTokens.image(judge, page.width(), page.height());
        }
        heading += ": pages 1 to " + sent + " of " + file.pageCount() + " shown as the images " + name
            + "-page-N.png" + (sent < file.pageCount() ? "; the rest is not shown as images" : "");
      } else if (file.pdf() != null) {
        mode = JudgeInputs.Mode.PDF;
        sent = file.pageCount();
        Attachment pdf = file.pdf();
        attachments.add(new Attachment(name + ".pdf", pdf.format(), pdf.file(), pdf.sha256()));
        // A page at the budget's size, letter-shaped: the page size is the provider's to choose.
        imageTokens += (long) sent * ImageTokens.pdfPage(judge, options.longEdge() * 17 / 22, options.longEdge());
        heading += ": attached as " + name + ".pdf";
      } else {
        mode = JudgeInputs.Mode.TEXT;
        sent = 0;
        if (file.note() != null) {
          heading += ": " + file.note();
        }
      }
      files.add(new JudgeInputs.File(label, format.id(), mode, sent, file.pageCount(), file.note()));
      text.append(heading).append(" ===\n").append(file.text()).append("\n\n");
    }

    Shown build(int cap) {
      String all = text.toString();
      String capped = all.length() <= cap ? all
          : all.substring(0, cap) + "\n[… cut: " + (all.length() - cap) + " more characters not shown]";
      return new Shown(capped, attachments, files, imageTokens);
    }
  }
}
