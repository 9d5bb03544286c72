package io.c8kit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses RFC 8288 {@code Link} headers: comma-separated {@code <target>; param=value} entries,
 * values quoted or not, {@code rel} a space-separated list, commas allowed inside {@code <…>} and
 * quotes.
 */
final class LinkHeader {
  private LinkHeader() {}

  record Link(String target, List<String> rels) {}

  static Optional<String> next(List<String> headers) {
    for (String header : headers) {
      for (Link link : parse(header)) {
        if (link.rels().contains("next")) {
          return Optional.of(link.target());
        }
      }
    }
    return Optional.empty();
  }

  static List<Link> parse(String header) {
    List<Link> links = new ArrayList<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      int open = header.indexOf('<', i);
      if (open < 0) {
        break;
      }
      int close = header.indexOf('>', open);
      if (close < 0) {
        break;
      }
      String target = header.substring(open + 1, close).strip();
      i = close + 1;
      List<String> rels = new ArrayList<>();
      // parameters up to the next comma outside quotes
      while (i < n) {
        char c = header.charAt(i);
        if (c == ',') {
          i++;
          break;
        }
        if (c != ';') {
          i++;
          continue;
        }
        i++;
        int eq = header.indexOf('=', i);
        int stop = nextDelimiter(header, i);
        if (eq < 0 || eq > stop) {
          i = stop;
          continue;
        }
        String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
        int start = eq + 1;
        while (start < n && header.charAt(start) == ' ') {
          start++;
        }
        String value;
        if (start < n && header.charAt(start) == '"') {
          int end = header.indexOf('"', start + 1);
          end = end < 0 ? n : end;
          value = header.substring(start + 1, end);
          i = Math.min(n, end + 1);
        } else {
          int end = nextDelimiter(header, start);
          value = header.substring(start, end).strip();
          i = end;
        }
        if (name.equals("rel")) {
          for (String rel : value.strip().split("\\s+")) {
            rels.add(rel.toLowerCase(Locale.ROOT));
          }
        }
      }
      links.add(new Link(target, List.copyOf(rels)));
    }
    return links;
  }

  private static int nextDelimiter(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ';' || c == ',') {
        return i;
      }
    }
    return s.length();
  }
}
