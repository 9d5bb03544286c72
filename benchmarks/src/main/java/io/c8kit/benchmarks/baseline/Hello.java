package io.c8kit.benchmarks.baseline;

/**
 * The startup baseline: a JVM that prints one line and exits. The harness packs this one class into
 * its own {@code hello.jar}, so it starts with the smallest possible class path.
 */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
