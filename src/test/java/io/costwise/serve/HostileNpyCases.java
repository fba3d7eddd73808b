package io.costwise.serve;

import static io.costwise.serve.HostileBodyCases.NPY;
import static io.costwise.serve.HostileBodyCases.bytes;
import static io.costwise.serve.HostileCase.post;
import static io.costwise.serve.HostileCase.send;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Hostile {@code application/x-npy} bodies: magic, version, dtype, order, shape, length. */
final class HostileNpyCases {
  private static final int FEATURES = ServeFixtures.names().size();

  private HostileNpyCases() {}

  static List<HostileCase> all() {
    String f8 = "<f8";
    String shape = "(1, " + FEATURES + ")";
    byte[] good = npy(1, f8, "False", shape, data(FEATURES, 1.0));
    byte[] badVersion = good.clone();
    badVersion[6] = 9;
    byte[] nan = npy(1, f8, "False", shape, data(FEATURES, Double.NaN));
    return List.of(
        send(
                "npy two rows",
                post(NPY, npy(1, f8, "False", "(2, " + FEATURES + ")", data(2 * FEATURES, 0.5))))
            .answer(200)
            .build(),
        send("npy version 2.0", post(NPY, npy2(good))).answer(200).build(),
        send("npy float64 row", post(NPY, good)).answer(200).build(),
        send("npy bad magic", post(NPY, bytes("\u0093NUMPZ" + "x".repeat(100)))).error(400).build(),
        send("npy of 5 bytes", post(NPY, bytes("\u0093NUM"))).error(400).build(),
        send("npy version 9", post(NPY, badVersion)).error(400).build(),
        send(
                "npy complex dtype",
                post(NPY, npy(1, "<c16", "False", shape, new byte[16 * FEATURES])))
            .error(400)
            .build(),
        send("npy big-endian", post(NPY, npy(1, ">f8", "False", shape, data(FEATURES, 1.0))))
            .error(400)
            .build(),
        send(
                "npy unicode dtype",
                post(NPY, npy(1, "<U10", "False", shape, new byte[40 * FEATURES])))
            .error(400)
            .build(),
        send("npy Fortran order", post(NPY, npy(1, f8, "True", shape, data(FEATURES, 1.0))))
            .error(400)
            .mentions("Fortran")
            .build(),
        send("npy truncated data", post(NPY, java.util.Arrays.copyOf(good, good.length - 8)))
            .error(400)
            .build(),
        send("npy truncated header", post(NPY, java.util.Arrays.copyOf(good, 40)))
            .error(400)
            .build(),
        send(
                "npy huge shape",
                post(
                    NPY,
                    npy(1, f8, "False", "(2147483647, " + FEATURES + ")", data(FEATURES, 1.0))))
            .error(400)
            .build(),
        send(
                "npy shape past an int",
                post(
                    NPY,
                    npy(
                        1,
                        f8,
                        "False",
                        "(99999999999999999999, " + FEATURES + ")",
                        data(FEATURES, 1.0))))
            .error(400)
            .build(),
        send(
                "npy negative shape",
                post(NPY, npy(1, f8, "False", "(-1, " + FEATURES + ")", data(FEATURES, 1.0))))
            .error(400)
            .build(),
        send(
                "npy three dimensions",
                post(NPY, npy(1, f8, "False", "(1, 1, " + FEATURES + ")", data(FEATURES, 1.0))))
            .error(400)
            .build(),
        send("npy wrong width", post(NPY, npy(1, f8, "False", "(1, 3)", data(3, 1.0))))
            .error(400)
            .build(),
        send("npy NaN value", post(NPY, nan)).error(400).build(),
        send("npy header length past the body", post(NPY, npy2HeaderLength(0xFFFFFFFFL)))
            .error(400)
            .build(),
        send("npy without a header dict", post(NPY, npy(1, null, "False", shape, new byte[0])))
            .error(400)
            .build());
  }

  /** A version-1 .npy array; {@code descr} null leaves the dict without it. */
  private static byte[] npy(int version, String descr, String fortran, String shape, byte[] data) {
    String dict =
        "{"
            + (descr == null ? "" : "'descr': '" + descr + "', ")
            + "'fortran_order': "
            + fortran
            + ", 'shape': "
            + shape
            + ", }";
    int padded = ((10 + dict.length() + 1 + 63) / 64) * 64 - 10;
    String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length);
    out.order(ByteOrder.LITTLE_ENDIAN);
    out.put(bytes("\u0093NUMPY")).put((byte) version).put((byte) 0);
    out.putShort((short) header.length()).put(bytes(header)).put(data);
    return out.array();
  }

  /** A version-2 .npy prefix declaring a header of {@code length} bytes, and little else. */
  private static byte[] npy2HeaderLength(long length) {
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    out.put(bytes("\u0093NUMPY")).put((byte) 2).put((byte) 0).putInt((int) length);
    return out.array();
  }

  /** The same array as a version-2.0 file: a 4-byte header length. */
  private static byte[] npy2(byte[] version1) {
    int headerLength = (version1[8] & 0xff) | (version1[9] & 0xff) << 8;
    ByteBuffer out = ByteBuffer.allocate(version1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
    out.put(version1, 0, 6).put((byte) 2).put((byte) 0).putInt(headerLength);
    out.put(version1, 10, version1.length - 10);
    return out.array();
  }

  private static byte[] data(int count, double value) {
    ByteBuffer out = ByteBuffer.allocate(8 * count).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      out.putDouble(value);
    }
    return out.array();
  }
}
