package io.costwise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One slf4j for everything: Jetty needs the 2.x API, DL4J and ND4J call the 1.7 API it keeps. A
 * binding of the other major version (slf4j-simple 1.7 under API 2.x) is silently ignored and every
 * log line lost, ND4J's and the access log's included; this pins that the simple binding is the one
 * in use, also for ND4J's loggers.
 */
class LoggingBindingTest {
  @Test
  void theSimpleBindingServesOurLoggersAndNd4js() {
    assertEquals(
        "org.slf4j.simple.SimpleLoggerFactory",
        LoggerFactory.getILoggerFactory().getClass().getName());
    assertEquals(
        "org.slf4j.simple.SimpleLogger",
        LoggerFactory.getLogger(org.nd4j.linalg.factory.Nd4j.class).getClass().getName());
  }
}
