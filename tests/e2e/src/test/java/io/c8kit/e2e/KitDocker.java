package io.c8kit.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Adapts the acceptance kit's Docker target to connector images that write files. The kit's {@code
 * DockerImageTarget} mounts a work directory that only its owner can write ({@code 0755}), while
 * connector images run as uid 1000, so a destination that writes its file under {@code /data}
 * fails; the kit offers no setting for this, but lets the docker CLI be replaced (system property
 * {@value #PROPERTY}). This installs, once per JVM, a small wrapper around the real CLI that, for
 * {@code run} only, makes the mounted directory writable for everyone first and adds {@code --pull
 * never}; everything else reaches the real CLI unchanged. See FINDINGS.md.
 */
final class KitDocker {
  static final String PROPERTY = "c8kit.acceptance.docker";
  private static String installed;

  private KitDocker() {}

  /** Points the kit's Docker targets at the wrapper; call from {@code config()} (idempotent). */
  static synchronized void use() {
    DockerEngine.require();
    if (installed == null) {
      try {
        Path dir = Files.createTempDirectory("c8kit-e2e-docker-");
        Path script = dir.resolve("docker");
        Files.writeString(
            script,
            String.join(
                "\n",
                "#!/bin/bash",
                "# Written by the c8kit e2e tests (KitDocker): the acceptance kit's docker run, adapted.",
                "if [ \"$1\" = run ]; then",
                "  shift",
                "  args=(run --pull never)",
                "  prev=",
                "  for a in \"$@\"; do",
                "    if [ \"$prev\" = -v ]; then chmod -R a+rwX \"${a%%:*}\" 2>/dev/null || true; fi",
                "    args+=(\"$a\")",
                "    prev=\"$a\"",
                "  done",
                "  exec docker \"${args[@]}\"",
                "fi",
                "exec docker \"$@\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        dir.toFile().deleteOnExit(); // registered first: deleted last, once empty
        script.toFile().deleteOnExit();
        installed = script.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.setProperty(PROPERTY, installed);
  }

  /** A path inside the kit's work directory mounted at /data, seen from the host. */
  static Path hostPath(Path workDir, String containerPath) {
    if (!containerPath.startsWith("/data/")) {
      throw new IllegalArgumentException("not under /data: " + containerPath);
    }
    return workDir.resolve(containerPath.substring("/data/".length()));
  }
}
