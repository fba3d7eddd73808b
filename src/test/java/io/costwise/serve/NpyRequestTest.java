package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code application/x-npy} bodies, written here byte for byte as {@code numpy.save} does. */
class NpyRequestTest {
  private static final InferenceService SERVICE = ServeFixtures.service();
  private static final int FEATURES = ServeFixtures.names().size();

  /** An .npy file of the given version, type, order and shape, with the values as that type. */
  static byte[] npy(int major, String descr, boolean fortran, String shape, double[] values) {
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': "
            + (fortran ? "True" : "False")
            + ", 'shape': "
            + shape
            + ", }";
    int prefix = major == 1 ? 10 : 12;
    int padded = (prefix + dict.length() + 1 + 63) / 64 * 64 - prefix;
    String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
    int size = descr.endsWith("8") ? 8 : descr.endsWith("4") ? 4 : 1;
    ByteBuffer data = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      switch (descr) {
        case "<f8" -> data.putDouble(v);
        case "<f4" -> data.putFloat((float) v);
        case "<i8" -> data.putLong((long) v);
        case "<i4" -> data.putInt((int) v);
        default -> data.put((byte) v);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      length.putShort((short) header.length());
      out.write(length.array(), 0, 2);
    } else {
      length.putInt(header.length());
      out.write(length.array(), 0, 4);
    }
    out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(data.array());
    return out.toByteArray();
  }

  private static String invoke(String type, byte[] body) {
    return new String(
        SERVICE.invoke(InvocationRequest.of(type, "text/csv", body, null)).body(),
        StandardCharsets.US_ASCII);
  }

  private static ServingException refused(byte[] body) {
    return assertThrows(
        ServingException.class,
        () -> SERVICE.invoke(InvocationRequest.of("application/x-npy", null, body, null)));
  }

  private static double[] rows(int... indices) {
    double[] values = new double[indices.length * FEATURES];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(ServeFixtures.WDBC.row(indices[i]), 0, values, i * FEATURES, FEATURES);
    }
    return values;
  }

  @Test
  void float64RowsGiveTheSamePredictionsAsCsv() {
    String csv =
        invoke(
            "text/csv",
            (ServeFixtures.csvRow(0) + "\n" + ServeFixtures.csvRow(5))
                .getBytes(StandardCharsets.US_ASCII));
    for (int major = 1; major <= 3; major++) {
      assertEquals(
          csv,
          invoke(
              "application/x-npy", npy(major, "<f8", false, "(2, " + FEATURES + ")", rows(0, 5))));
    }
    assertEquals(
        csv.lines().findFirst().orElseThrow() + "\n",
        invoke("application/x-npy", npy(1, "<f8", false, "(" + FEATURES + ",)", rows(0))));
  }

  @Test
  void otherNumericTypesAreRead() {
    double[] integers = new double[2 * FEATURES];
    for (int i = 0; i < integers.length; i++) {
      integers[i] = i % 7;
    }
    String shape = "(2, " + FEATURES + ")";
    String expected = invoke("application/x-npy", npy(1, "<f8", false, shape, integers));
    for (String descr : new String[] {"<f4", "<i8", "<i4", "|u1"}) {
      assertEquals(
          expected, invoke("application/x-npy", npy(1, descr, false, shape, integers)), descr);
    }
  }

  @Test
  void anythingElseIsA400WithASentence() {
    String shape = "(1, " + FEATURES + ")";
    ServingException fortran = refused(npy(1, "<f8", true, shape, rows(0)));
    assertEquals(400, fortran.status());
    assertTrue(fortran.getMessage().contains("Fortran"), fortran.getMessage());
    ServingException bigEndian = refused(npy(1, ">f8", false, shape, rows(0)));
    assertTrue(bigEndian.getMessage().contains("'>f8' is not supported"), bigEndian.getMessage());
    ServingException width = refused(npy(1, "<f8", false, "(1, 3)", new double[3]));
    assertEquals(
        "The .npy array has 3 columns, but the model expects " + FEATURES + " features.",
        width.getMessage());
    ServingException cube = refused(npy(1, "<f8", false, "(1, 1, " + FEATURES + ")", rows(0)));
    assertTrue(cube.getMessage().contains("3 dimensions"), cube.getMessage());
    byte[] truncated = npy(1, "<f8", false, shape, rows(0));
    assertTrue(
        refused(java.util.Arrays.copyOf(truncated, truncated.length - 8))
            .getMessage()
            .contains("bytes of data"));
    double[] nan = rows(0);
    nan[3] = Double.NaN;
    assertEquals(
        "The .npy array's row 1, column 4 is NaN; every feature must be finite.",
        refused(npy(1, "<f8", false, shape, nan)).getMessage());
    assertTrue(refused("1,2,3".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("NUMPY"));
    assertEquals(400, refused(npy(9, "<f8", false, shape, rows(0))).status());
    assertEquals(400, refused(npy(1, "<f8", false, "()", new double[] {1})).status());
    assertEquals(
        400, refused(npy(1, "<f8", false, "(0, " + FEATURES + ")", new double[0])).status());
    assertEquals(
        400, refused(npy(1, "<f8", false, "(99999999999, " + FEATURES + ")", rows(0))).status());
  }

  @Test
  void npyIsReadButNotWritten() {
    byte[] body = npy(1, "<f8", false, "(1, " + FEATURES + ")", rows(0));
    ServingException e =
        assertThrows(
            ServingException.class,
            () ->
                SERVICE.invoke(
                    InvocationRequest.of("application/x-npy", "application/x-npy", body, null)));
    assertEquals(406, e.status());
  }
}
