package io.c8kit.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, with the line each starts on, so that a failing
 * snippet can be reported as {@code README.md:74} rather than as a temporary file.
 */
final class MarkdownSnippets {
  /** One fenced block: its info string ({@code java}), first content line (1-based) and text. */
  record Snippet(Path file, String info, int firstLine, String code) {
    String language() {
      String trimmed = info.strip();
      int space = trimmed.indexOf(' ');
      return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** Marked {@code java excerpt}: a quoted piece of generated code, not something to paste. */
    boolean excerpt() {
      return info.strip().matches("\\S+\\s+excerpt");
    }

    String where() {
      return file.getFileName() + ":" + firstLine;
    }
  }

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)(.*)$");

  private MarkdownSnippets() {}

  static List<Snippet> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Snippet> snippets = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        i++;
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      String info = open.group(3);
      StringBuilder code = new StringBuilder();
      int first = i + 2;
      i++;
      while (i < lines.size() && !lines.get(i).strip().startsWith(fence)) {
        String line = lines.get(i);
        // Blocks inside list items are indented; the code itself starts after that indent.
        code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
        i++;
      }
      snippets.add(new Snippet(file, info, first, code.toString()));
      i++;
    }
    return snippets;
  }
}
