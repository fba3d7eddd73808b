package io.costwise.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads report JSON back with a strict Jackson parser (NaN and Infinity are rejected). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static Map<String, Object> read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> json, String key) {
    return (Map<String, Object>) json.get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> json, String key) {
    return (List<Map<String, Object>>) json.get(key);
  }

  /** A three-key point; {@code Map.of} does not take nulls. */
  static Map<String, Object> point(
      String k1, Object v1, String k2, Object v2, String k3, Object v3) {
    Map<String, Object> point = new HashMap<>();
    point.put(k1, v1);
    point.put(k2, v2);
    point.put(k3, v3);
    return point;
  }
}
