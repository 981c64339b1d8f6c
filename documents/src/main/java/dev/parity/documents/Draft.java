package dev.parity.documents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/** A rendering being built: the unsanitised container and the notes so far. Not thread-safe. */
final class Draft {
  final Element root = Html.container();
  private final Set<String> notes = new LinkedHashSet<>();
  private boolean attachOriginal;

  void note(String note) {
    notes.add(note);
  }

  void attachOriginal() {
    attachOriginal = true;
  }

  Rendering finish() {
    return new Rendering(Html.sanitise(root), new ArrayList<>(notes), true, attachOriginal);
  }

  static Rendering unreadable(String message) {
    Element root = Html.container();
    root.appendElement("p").addClass("unreadable").text(message);
    return new Rendering(Html.sanitise(root), List.of(message), false, false);
  }
}
