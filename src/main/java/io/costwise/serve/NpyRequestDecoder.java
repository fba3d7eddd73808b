package io.costwise.serve;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an {@code application/x-npy} request body, what the SageMaker Python SDK's {@code
 * NumpySerializer} sends: one NumPy array in the {@code .npy} format (versions 1.0, 2.0 and 3.0).
 *
 * <p>Accepted: little-endian {@code <f8}, {@code <f4}, {@code <i8}, {@code <i4}, and {@code |u1}
 * (or {@code |i1}), in C order, of shape {@code (rows, features)} or {@code (features,)} for one
 * row; every value finite. Anything else is a 400 with a sentence saying what to send. An array
 * carries no costs: the model's fixed (or mean) costs apply.
 *
 * <p>The body is read whole (bounded by the payload limit) before it is decoded.
 */
final class NpyRequestDecoder {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final String SEND =
      " Send a C-order array of float64, float32, int64, int32 or uint8 of shape (rows, features),"
          + " e.g. numpy.save on a float64 array.";

  private final int features;

  NpyRequestDecoder(int features) {
    this.features = features;
  }

  Rows decode(byte[] body, int length) {
    if (length < 10 || !startsWithMagic(body)) {
      throw ServingException.badRequest(
          "The body is not a NumPy .npy array (it does not start with \\x93NUMPY)." + SEND);
    }
    int major = body[6] & 0xff;
    ByteBuffer in = ByteBuffer.wrap(body, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = in.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (length < 12) {
        throw ServingException.badRequest("The .npy body ends inside its header." + SEND);
      }
      headerLength = in.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw ServingException.badRequest(
          "The .npy body has format version "
              + major
              + "."
              + (body[7] & 0xff)
              + "; costwise reads versions 1.0, 2.0 and 3.0.");
    }
    if (headerStart + headerLength > length) {
      throw ServingException.badRequest("The .npy body ends inside its header." + SEND);
    }
    String header =
        new String(
            body,
            headerStart,
            (int) headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = field(DESCR, header, "descr");
    Matcher fortran = FORTRAN.matcher(header);
    if (!fortran.find()) {
      throw ServingException.badRequest(
          "The .npy header has no 'fortran_order'; it is not a NumPy array header." + SEND);
    }
    if (fortran.group(1).equals("True")) {
      throw ServingException.badRequest(
          "The .npy array is in Fortran (column-major) order; send it in C order, e.g."
              + " numpy.ascontiguousarray(array).");
    }
    long[] shape = shape(field(SHAPE, header, "shape"));
    long rows;
    long columns;
    if (shape.length == 1) {
      rows = 1;
      columns = shape[0];
    } else if (shape.length == 2) {
      rows = shape[0];
      columns = shape[1];
    } else {
      throw ServingException.badRequest(
          "The .npy array has "
              + shape.length
              + " dimensions; send (rows, features) or (features,) for one row.");
    }
    if (columns != features) {
      throw ServingException.badRequest(
          "The .npy array has "
              + columns
              + " columns, but the model expects "
              + features
              + " features.");
    }
    if (rows == 0) {
      throw ServingException.badRequest("The .npy array has no rows.");
    }
    int size = itemSize(descr);
    long dataStart = headerStart + headerLength;
    long needed = rows * columns * size;
    if (length - dataStart != needed) {
      throw ServingException.badRequest(
          "The .npy array of shape ("
              + rows
              + ", "
              + columns
              + ") and type "
              + Echo.clip(descr)
              + " needs "
              + needed
              + " bytes of data, but the body has "
              + (length - dataStart)
              + ".");
    }
    int count = (int) rows;
    double[] values = new double[Math.multiplyExact(count, features)];
    int at = (int) dataStart;
    for (int i = 0; i < values.length; i++, at += size) {
      double value =
          switch (descr) {
            case "<f8" -> in.getDouble(at);
            case "<f4" -> in.getFloat(at);
            case "<i8" -> in.getLong(at);
            case "<i4" -> in.getInt(at);
            case "|u1" -> body[at] & 0xff;
            default -> body[at]; // |i1
          };
      if (!Double.isFinite(value)) {
        throw ServingException.badRequest(
            "The .npy array's row "
                + (i / features + 1)
                + ", column "
                + (i % features + 1)
                + " is "
                + value
                + "; every feature must be finite.");
      }
      values[i] = value;
    }
    return new Rows(values, count, null);
  }

  private static boolean startsWithMagic(byte[] body) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (body[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static String field(Pattern pattern, String header, String name) {
    Matcher matcher = pattern.matcher(header);
    if (!matcher.find()) {
      throw ServingException.badRequest(
          "The .npy header has no '" + name + "'; it is not a NumPy array header." + SEND);
    }
    return matcher.group(1);
  }

  private static long[] shape(String text) {
    String[] parts = text.split(",");
    int n = 0;
    long[] dims = new long[parts.length];
    for (String part : parts) {
      String p = part.strip();
      if (p.endsWith("L")) {
        p = p.substring(0, p.length() - 1);
      }
      if (p.isEmpty()) {
        continue;
      }
      try {
        dims[n++] = Long.parseLong(p);
      } catch (NumberFormatException e) {
        throw ServingException.badRequest(
            "The .npy header's shape (" + Echo.clip(text) + ") is not a tuple of sizes.");
      }
      if (dims[n - 1] < 0 || dims[n - 1] > Integer.MAX_VALUE) {
        throw ServingException.badRequest(
            "The .npy header's shape (" + Echo.clip(text) + ") has an impossible size.");
      }
    }
    if (n == 0) {
      throw ServingException.badRequest(
          "The .npy array is a scalar; send (rows, features) or (features,) for one row.");
    }
    return java.util.Arrays.copyOf(dims, n);
  }

  private static int itemSize(String descr) {
    return switch (descr) {
      case "<f8", "<i8" -> 8;
      case "<f4", "<i4" -> 4;
      case "|u1", "|i1" -> 1;
      default ->
          throw ServingException.badRequest(
              "The .npy array's type '"
                  + Echo.clip(descr)
                  + "' is not supported (big-endian, structured, object, string, bool and"
                  + " 16-bit types are not)."
                  + SEND);
    };
  }
}
