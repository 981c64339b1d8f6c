package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.tasks.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsFileTest {
  /** The example of docs/models.md. */
  static final String EXAMPLE = """
      format_version: 1
      models:
        - name: gpt-5 (high)
          provider: openai
          model: gpt-5
          parameters:
            max_output_tokens: 32000
            reasoning_effort: high
          limits:
            concurrency: 8
            requests_per_minute: 500
            tokens_per_minute: 2000000
          release_date: 2025-08-07
        - name: gpt-4.1 via chat
          provider: openai
          model: gpt-4.1
          api: chat
          parameters: {temperature: 0.2, seed: 7}
        - provider: anthropic
          model: claude-opus-4-1
          parameters: {max_output_tokens: 16000}
          limits: {concurrency: 4}
        - provider: gemini
          model: gemini-2.5-pro
          force_text: true
        - name: llama local
          provider: openai-compatible
          model: llama-3.1-8b-instruct
          base_url: http://127.0.0.1:8000/v1
          price:
            input_per_million: 0
            output_per_million: 0
            source: our own GPU
        - name: router
          provider: openai-compatible
          model: anthropic/claude-sonnet-4.5
          base_url: https://openrouter.ai/api/v1
          api_key_env: OPENROUTER_API_KEY
          price: {input_per_million: 3, output_per_million: 15, cached_input_per_million: 0.3}
          accepts: [image, pdf]
        - name: my agent
          provider: command
          model: ./agents/my-agent.sh --fast
        - provider: replay
          model: answers/
      """;

  @TempDir Path folder;

  @Test
  void theDocumentedExampleReadsIntoOneConfigurationPerModel() throws IOException {
    List<ModelConfig> models = ModelsFile.read(write("models.yaml", EXAMPLE));

    assertThat(models).extracting(ModelConfig::name).containsExactly("gpt-5 (high)", "gpt-4.1 via chat",
        "anthropic:claude-opus-4-1", "gemini:gemini-2.5-pro", "llama local", "router", "my agent", "replay:answers/");
    ModelConfig gpt5 = models.get(0);
    assertThat(gpt5.parameters()).isEqualTo(new ModelConfig.Parameters(32000, null, "high", null));
    assertThat(gpt5.limits()).isEqualTo(new ModelConfig.Limits(8, 500, 2_000_000));
    assertThat(gpt5.releaseDate()).isEqualTo(LocalDate.of(2025, 8, 7));
    assertThat(models.get(1).api()).isEqualTo("chat");
    assertThat(models.get(1).parameters()).isEqualTo(new ModelConfig.Parameters(null, 0.2, null, 7L));
    assertThat(models.get(3).forceText()).isTrue();
    assertThat(models.get(3).accepted()).as("force_text: true is accepts: []").isEmpty();
    assertThat(models.get(2).accepts()).as("not given: the provider's default").isNull();
    assertThat(models.get(2).accepted()).containsExactly(InputKind.IMAGE, InputKind.PDF);
    assertThat(models.get(4).accepted()).as("OpenAI-compatible servers take images only by default")
        .containsExactly(InputKind.IMAGE);
    assertThat(models.get(5).accepted()).containsExactly(InputKind.IMAGE, InputKind.PDF);
    assertThat(models.get(6).accepted()).as("a command client is sent text").isEmpty();
    assertThat(models.get(4).baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
    assertThat(models.get(4).price()).isEqualTo(new ModelConfig.Price(0, 0, null, "our own GPU"));
    assertThat(models.get(5).apiKeyEnv()).isEqualTo("OPENROUTER_API_KEY");
    assertThat(models.get(5).price().source()).isEqualTo("models file " + folder.resolve("models.yaml"));
    assertThat(models.get(6).model()).isEqualTo("./agents/my-agent.sh --fast");
  }

  @Test
  void docsModelsMdShowsThisExample() throws IOException {
    String docs = Files.readString(Path.of("../docs/models.md"));
    int start = docs.indexOf("```yaml\n", docs.indexOf("## Models file")) + "```yaml\n".length();

    assertThat(docs.substring(start, docs.indexOf("```", start))).isEqualTo(EXAMPLE);
  }

  @Test
  void jsonFilesReadTheSame() throws IOException {
    Path json = write("models.json", """
        {"models": [{"provider": "openai", "model": "gpt-5", "parameters": {"reasoning_effort": "high"}}]}
        """);

    assertThat(ModelsFile.read(json)).singleElement()
        .satisfies(model -> assertThat(model.parameters().reasoningEffort()).isEqualTo("high"));
  }

  @Test
  void everyProblemIsReportedAtItsLine() throws IOException {
    Path file = write("models.yaml", """
        models:
          - provider: openai
            modle: gpt-5
          - provider: anthropic
            model: claude-opus-4-1
            parameters:
              max_output_tokens: -5
              temperature: hot
            limits: {concurrency: 2.5}
            force_text: "yes"
            release_date: last spring
          - provider: anthropic
            model: claude-opus-4-1
            base_url: api.anthropic.com
        """);

    InvalidModelConfigException e = catchThrowableOfType(InvalidModelConfigException.class, () -> ModelsFile.read(file));

    assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3, "unknown key \"modle\"; did you mean \"model\"?; known keys here: "
            + "accepts, api, api_key_env, base_url, force_text, limits, model, name, parameters, price, provider,"
            + " release_date, tools"),
        org.assertj.core.groups.Tuple.tuple(2, "missing \"model\""),
        org.assertj.core.groups.Tuple.tuple(7, "\"max_output_tokens\" must be a positive whole number, not -5"),
        org.assertj.core.groups.Tuple.tuple(8, "\"temperature\" must be a number of at least 0, not the string \"hot\""),
        org.assertj.core.groups.Tuple.tuple(9, "\"concurrency\" must be a whole number, not 2.5"),
        org.assertj.core.groups.Tuple.tuple(10, "\"force_text\" must be true or false, not the string \"yes\""),
        org.assertj.core.groups.Tuple.tuple(11, "\"release_date\" must be a date like 2025-08-07, not \"last spring\""),
        org.assertj.core.groups.Tuple.tuple(14, "\"api.anthropic.com\" is not a valid http(s) URL"));
    assertThat(e.getMessage()).startsWith("invalid models file: 8 problems\n  " + file + ":3:");
  }

  @Test
  void acceptsListsKnownKindsOnlyAndDoesNotContradictForceText() throws IOException {
    Path file = write("models.yaml", """
        models:
          - provider: openai
            model: gpt-5
            accepts: [image, imgae, 3]
          - provider: anthropic
            model: claude-opus-4-1
            accepts: pdf
          - provider: gemini
            model: gemini-2.5-pro
            force_text: true
            accepts: [pdf]
        """);

    InvalidModelConfigException e = catchThrowableOfType(InvalidModelConfigException.class, () -> ModelsFile.read(file));

    assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(4, "\"accepts\" lists the string \"imgae\", which is not a kind of input;"
            + " did you mean \"image\"?; known kinds: image, pdf"),
        org.assertj.core.groups.Tuple.tuple(4, "\"accepts\" lists 3, which is not a kind of input; known kinds: image, pdf"),
        org.assertj.core.groups.Tuple.tuple(7, "\"accepts\" must be a list of image, pdf (or [] for text only), not the"
            + " string \"pdf\""),
        org.assertj.core.groups.Tuple.tuple(10, "force_text: true sends text only, which contradicts accepts: [pdf];"
            + " give one (force_text: true is accepts: [])"));
    assertThat(e.problems().get(0).file()).isEqualTo(file);
  }

  @Test
  void anEmptyAcceptsListSendsTextOnlyAndAnExplicitOneReplacesTheProviderDefault() throws IOException {
    Path file = write("models.yaml", """
        models:
          - {name: text, provider: anthropic, model: claude-opus-4-1, accepts: []}
          - {name: pdf, provider: openai-compatible, model: m, base_url: "http://127.0.0.1:1/v1", accepts: [PDF]}
        """);

    List<ModelConfig> models = ModelsFile.read(file);

    assertThat(models.get(0).accepted()).isEmpty();
    assertThat(models.get(0).acceptedFormats()).isEmpty();
    assertThat(models.get(1).accepted()).containsExactly(InputKind.PDF);
    assertThat(models.get(1).acceptedFormats()).containsExactly(dev.parity.documents.FileFormat.PDF);
  }

  @Test
  void toolsPerModelAddTheAlwaysOnOnesAndAbsentToolsLeaveTheRunsTools() throws IOException {
    Path file = write("models.yaml", """
        models:
          - {name: coder, provider: openai, model: gpt-5, tools: [shell, Python]}
          - {name: reader, provider: openai, model: gpt-5-mini, tools: []}
          - {name: plain, provider: openai, model: gpt-4.1}
        """);

    List<ModelConfig> models = ModelsFile.read(file);

    assertThat(models.get(0).tools()).containsExactly("list_files", "python", "read_file", "shell", "submit");
    assertThat(models.get(1).tools()).containsExactly("list_files", "read_file", "submit");
    assertThat(models.get(2).tools()).as("the run's tools").isNull();
  }

  @Test
  void aBadToolIsReportedWithTheFileTheModelAndTheField() throws IOException {
    Path file = write("models.yaml", """
        models:
          - name: coder
            provider: openai
            model: gpt-5
            tools: [pyhton, 3]
          - provider: anthropic
            model: claude-opus-4-1
            tools: python,shell
        """);

    InvalidModelConfigException e = catchThrowableOfType(InvalidModelConfigException.class, () -> ModelsFile.read(file));

    assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5, "model \"coder\", tools: the string \"pyhton\" is not a tool;"
            + " did you mean \"python\"?; the tools are python, shell, render (list_files, read_file, submit are"
            + " always on)"),
        org.assertj.core.groups.Tuple.tuple(5, "model \"coder\", tools: 3 is not a tool; the tools are python,"
            + " shell, render (list_files, read_file, submit are always on)"),
        org.assertj.core.groups.Tuple.tuple(8, "model \"anthropic:claude-opus-4-1\", tools: must be a list of tools"
            + " such as [python, shell] (or [] for only the always-on [list_files, read_file, submit]), not the"
            + " string \"python,shell\""));
    assertThat(e.getMessage()).contains(file + ":5:");
  }

  @Test
  void twoModelsWithOneNameAreAProblemAtTheSecond() throws IOException {
    Path file = write("models.yaml", """
        models:
          - {provider: openai, model: gpt-5}
          - {provider: openai, model: gpt-5}
        """);

    assertThatThrownBy(() -> ModelsFile.read(file)).hasMessageContaining(
        file + ":3:5: the name \"openai:gpt-5\" is used by another model at line 2; give each model its own name");
  }

  @Test
  void unknownProvidersAreCaughtWhenTheKnownOnesAreGiven() throws IOException {
    Path file = write("models.yaml", "models:\n  - {provider: antropic, model: claude-opus-4-1}\n");

    assertThatThrownBy(() -> ModelsFile.read(file, Set.of("anthropic", "openai")))
        .hasMessageContaining(":2:")
        .hasMessageContaining("unknown provider \"antropic\"; did you mean \"anthropic\"?");
  }

  @Test
  void malformedYamlAnUnknownVersionAndAMissingFileAreReportedToo() throws IOException {
    Path broken = write("broken.yaml", "models:\n  - provider: openai\n    model: [gpt-5\n");
    Path future = write("future.yaml", "format_version: 2\nmodels:\n  - {provider: openai, model: gpt-5}\n");

    assertThatThrownBy(() -> ModelsFile.read(broken)).hasMessageContaining(broken + ":").hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ModelsFile.read(future))
        .hasMessageContaining(future + ":1:17: format_version 2 is not supported; this Parity reads version 1");
    assertThatThrownBy(() -> ModelsFile.read(folder.resolve("absent.yaml"))).hasMessageContaining("no such models file");
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
