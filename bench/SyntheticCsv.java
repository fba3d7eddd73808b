import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic label-first CSV for benchmarks: {@code rows × columns} Gaussian features and a
 * label from a fixed linear rule plus noise. Run with the JDK's source launcher:
 * {@code java bench/SyntheticCsv.java OUT.csv ROWS COLUMNS}.
 */
public class SyntheticCsv {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    int columns = Integer.parseInt(args[2]);
    SplittableRandom random = new SplittableRandom(7);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter writer = Files.newBufferedWriter(out)) {
      StringBuilder line = new StringBuilder();
      double[] x = new double[columns];
      for (int r = 0; r < rows; r++) {
        double z = 0;
        for (int c = 0; c < columns; c++) {
          x[c] = 10 + c + 3 * gaussian(random);
          z += (c % 3 == 0 ? 0.4 : -0.1) * (x[c] - 10 - c);
        }
        line.setLength(0);
        line.append(z + gaussian(random) > 0 ? 1 : 0);
        for (double v : x) {
          line.append(',').append(Math.round(v * 1e4) / 1e4);
        }
        writer.write(line.append('\n').toString());
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
