package dev.parity.graders.blinding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words in a deliverable that could tell a grader a model wrote it: an AI describing itself,
 * model and provider names, chat-assistant phrases. A tell is a reason to look, not proof: a
 * human memo may name Gemini or thank Claude. Stateless and thread-safe.
 */
final class TextTells {
  private record Rule(Pattern pattern, String label) {}

  private static final int CONTEXT = 60;
  private static final int ANY_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;
  private static final List<Rule> RULES = List.of(
      rule("\\bas an? (?:AI|artificial intelligence)(?: (?:language )?model| assistant)?\\b", ANY_CASE, "AI self-reference"),
      rule("\\bas an? (?:large )?language model\\b", ANY_CASE, "AI self-reference"),
      rule("\\bI(?:'m|’m| am) (?:just |only )?an? (?:AI|artificial intelligence|large language model|language model|chatbot"
          + "|virtual assistant)\\b", ANY_CASE, "AI self-reference"),
      rule("\\bmy (?:knowledge|training)[ -]?(?:cut-?off|data)\\b", ANY_CASE, "AI self-reference"),
      rule("\\bI (?:cannot|can't|can’t|do not have the ability to|don't have the ability to) (?:browse|access) the"
          + " (?:internet|web)\\b", ANY_CASE, "AI self-reference"),
      // Names are matched with their capitals, so that "llama" the animal and "bard" the poet pass.
      rule("\\b(?:ChatGPT|GPT(?:-?\\d(?:\\.\\d)?[a-z]?)?|Claude|Gemini|Llama|LLaMA|Mistral|Mixtral|DeepSeek|Qwen"
          + "|Grok|Copilot|Bard)\\b", Pattern.MULTILINE, "model name"),
      // Model ids as APIs write them: gpt-4o, claude-3-opus, gemini-1.5-pro.
      rule("\\b(?:gpt|claude|gemini|llama|qwen|deepseek|mistral)-[\\w.]+", Pattern.MULTILINE, "model name"),
      rule("\\b(?:OpenAI|Anthropic|DeepMind|Meta AI|xAI)\\b", Pattern.MULTILINE, "AI provider name"),
      rule("\\b(?:as requested by the user|the user(?:'s)? (?:asked|requested|wants|has asked|has requested|provided"
          + "|request))\\b", ANY_CASE, "talks about \"the user\""),
      rule("\\b(?:I hope this helps|let me know if you(?:'d| would) like|feel free to (?:ask|let me know)"
          + "|happy to help)\\b", ANY_CASE, "chat-assistant phrase"),
      rule("^\\s*(?:Certainly|Sure|Absolutely|Of course)[!,.] (?:Here(?:'s| is| are)|Below)\\b", ANY_CASE,
          "chat-assistant phrase"),
      rule("\\bHere(?:'s| is) (?:the|your) (?:requested|revised|updated|completed)\\b", ANY_CASE, "chat-assistant phrase"));

  private TextTells() {}

  private static Rule rule(String regex, int flags, String label) {
    return new Rule(Pattern.compile(regex, flags), label);
  }

  /** Every tell in one piece of text, each as {@code "…excerpt…" (label)}. */
  static List<String> find(String text) {
    List<String> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        found.add("\"" + excerpt(text, m.start(), m.end()) + "\" (" + rule.label() + ")");
      }
    }
    return found;
  }

  /** The match with up to {@value #CONTEXT} characters of context each side, cut at word boundaries. */
  private static String excerpt(String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT);
    if (from > 0) {
      int space = text.indexOf(' ', from);
      from = space >= 0 && space < start ? space + 1 : start;
    }
    int to = Math.min(text.length(), end + CONTEXT);
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      to = space > end ? space : end;
    }
    return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip() + (to < text.length() ? "…" : "");
  }
}
