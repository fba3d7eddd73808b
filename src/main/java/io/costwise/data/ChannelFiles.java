package io.costwise.data;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the files of a File- or FastFile-mode channel folder, where SageMaker puts every object
 * under the channel's S3 prefix, keeping the prefix's sub-folders.
 *
 * <p>The order is the relative path with {@code /} separators, compared as strings, so that the
 * rows, and hence the model and the data's SHA-256, are the same on every run and every machine.
 * Hidden files and folders (name starting with {@code .}) are skipped: they are tool litter such as
 * {@code .DS_Store} or {@code .ipynb_checkpoints}, never data.
 */
final class ChannelFiles {
  private ChannelFiles() {}

  static List<Path> list(Path channelDir) {
    if (!Files.isDirectory(channelDir)) {
      throw new InvalidInputException(
          "Channel folder "
              + channelDir
              + " does not exist or is not a folder; check the channel's name and S3 prefix.");
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          channelDir,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return !dir.equals(channelDir) && isHidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && !isHidden(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException(
          "Channel folder " + channelDir + " could not be listed (" + e.getMessage() + ").", e);
    }
    files.sort(Comparator.comparing(file -> display(channelDir, file)));
    return List.copyOf(files);
  }

  /**
   * How a source is named in messages: relative to the channel folder with {@code /} separators
   * when it lies inside it, else the path as given.
   */
  static String display(Path channelDir, Path source) {
    if (channelDir != null && source.startsWith(channelDir) && !source.equals(channelDir)) {
      return channelDir
          .relativize(source)
          .toString()
          .replace(source.getFileSystem().getSeparator(), "/");
    }
    return source.toString();
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
