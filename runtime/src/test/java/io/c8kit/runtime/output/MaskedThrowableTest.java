package io.c8kit.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.c8kit.runtime.secrets.SecretMasker;
import org.junit.jupiter.api.Test;

class MaskedThrowableTest {
  @Test
  void copiesTheCauseChainAndSuppressedWithSecretsMasked() {
    SecretMasker masker = new SecretMasker();
    masker.register("hunter2");
    RuntimeException inner = new IllegalStateException("password hunter2 rejected");
    RuntimeException outer = new RuntimeException("login failed", inner);
    outer.addSuppressed(new IllegalArgumentException("retry with hunter2"));

    MaskedThrowable copy = MaskedThrowable.of(outer, masker);

    assertEquals("java.lang.RuntimeException: login failed", copy.toString());
    MaskedThrowable cause = (MaskedThrowable) copy.getCause();
    assertEquals("java.lang.IllegalStateException: password **** rejected", cause.toString());
    assertEquals(
        "java.lang.IllegalArgumentException: retry with ****", copy.getSuppressed()[0].toString());
    assertFalse(copy.getStackTrace().length == 0, "stack kept");
  }
}
