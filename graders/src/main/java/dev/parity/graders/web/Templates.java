package dev.parity.graders.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's Mustache templates, from {@code dev/parity/graders/web/templates/} on the classpath,
 * compiled once. Mustache escapes every {@code {{value}}} for HTML; only sanitised fragments go
 * through the unescaped {@code {{{html}}}}.
 */
final class Templates {
  private final DefaultMustacheFactory factory = new DefaultMustacheFactory("dev/parity/graders/web/templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  String render(String name, Object model) {
    Mustache template = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter(8192);
    try {
      template.execute(out, model).flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
