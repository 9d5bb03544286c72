package io.c8kit.acceptance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** A world-readable temporary directory (containers run as a non-root user) deleted on close. */
final class WorkDir {
  private WorkDir() {}

  static Path create() {
    return create("rwxr-xr-x");
  }

  /** A work directory a container running as another user can write to. */
  static Path createShared() {
    return create("rwxrwxrwx");
  }

  private static Path create(String permissions) {
    try {
      Path dir = Files.createTempDirectory("c8kit-acceptance-");
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
