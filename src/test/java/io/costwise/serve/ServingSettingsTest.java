package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServingSettingsTest {
  private static ServingSettings from(Map<String, String> variables) {
    return ServingSettings.from(SageMakerEnvironment.of(variables, Optional.empty()), null);
  }

  @Test
  void defaultsFollowSageMaker() {
    ServingSettings settings = from(Map.of());
    assertEquals(8080, settings.port());
    assertEquals(6L * 1024 * 1024, settings.maxPayloadBytes());
    assertEquals("text/csv", settings.defaultAccept());
    assertEquals("MULTI_RECORD", settings.batchStrategy());
    assertEquals(OutputField.DEFAULT, settings.outputFields());
  }

  @Test
  void readsEveryVariable() {
    ServingSettings settings =
        from(
            Map.of(
                "SAGEMAKER_BIND_TO_PORT", "9001",
                "SAGEMAKER_MAX_PAYLOAD_IN_MB", "100",
                "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT", "application/jsonlines",
                "SAGEMAKER_BATCH", "true",
                "SAGEMAKER_BATCH_STRATEGY", "single_record",
                "SAGEMAKER_MAX_CONCURRENT_TRANSFORMS", "8",
                "COSTWISE_OUTPUT_FIELDS", "label",
                "COSTWISE_SERVER_THREADS", "3"));
    assertEquals(
        new ServingSettings(
            9001,
            100L << 20,
            "application/jsonlines",
            true,
            "SINGLE_RECORD",
            8,
            List.of(OutputField.LABEL),
            3),
        settings);
  }

  @Test
  void theHttpLimitsHaveDefaultsAndTheirOwnVariables() {
    ServingSettings defaults = from(Map.of());
    assertEquals(null, defaults.host());
    assertEquals(java.time.Duration.ofSeconds(10), defaults.headerTimeout());
    assertEquals(java.time.Duration.ofSeconds(10), defaults.bodyTimeout());
    assertEquals(1000, defaults.maxConnections());
    ServingSettings set =
        from(
            Map.of(
                "COSTWISE_HEADER_TIMEOUT_SECONDS", "3",
                "COSTWISE_BODY_TIMEOUT_SECONDS", "7",
                "COSTWISE_MAX_CONNECTIONS", "50"));
    assertEquals(java.time.Duration.ofSeconds(3), set.headerTimeout());
    assertEquals(java.time.Duration.ofSeconds(7), set.bodyTimeout());
    assertEquals(50, set.maxConnections());
    assertEquals("127.0.0.1", set.withHost("127.0.0.1").host());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> from(Map.of("COSTWISE_BODY_TIMEOUT_SECONDS", "0")));
    assertTrue(e.getMessage().contains("COSTWISE_BODY_TIMEOUT_SECONDS"), e.getMessage());
  }

  @Test
  void aBatchTransformAcceptsItsLargerMiniBatchesByDefault() {
    assertEquals(100L << 20, from(Map.of("SAGEMAKER_BATCH", "true")).maxPayloadBytes());
    assertEquals(
        20L << 20,
        from(Map.of("SAGEMAKER_BATCH", "true", "SAGEMAKER_MAX_PAYLOAD_IN_MB", "20"))
            .maxPayloadBytes());
  }

  @Test
  void theCommandLinePortWins() {
    assertEquals(
        1234,
        ServingSettings.from(
                SageMakerEnvironment.of(Map.of("SAGEMAKER_BIND_TO_PORT", "9001"), Optional.empty()),
                1234)
            .port());
  }

  @Test
  void invalidValuesNameTheVariable() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> from(Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", "six")));
    assertEquals(
        "The environment variable SAGEMAKER_MAX_PAYLOAD_IN_MB is 'six'; it must be a whole number from 1 to 2048.",
        e.getMessage());
    assertTrue(
        assertThrows(
                InvalidInputException.class,
                () -> from(Map.of("SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT", "text/html")))
            .getMessage()
            .contains("SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT"));
    assertTrue(
        assertThrows(
                InvalidInputException.class, () -> from(Map.of("COSTWISE_OUTPUT_FIELDS", "colour")))
            .getMessage()
            .startsWith("The environment variable COSTWISE_OUTPUT_FIELDS names 'colour'"));
    assertThrows(InvalidInputException.class, () -> from(Map.of("SAGEMAKER_BATCH", "yes")));
  }
}
