package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.c8kit.protocol.Protocol;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decimal tokens give the BigDecimal of their text: same value, same scale. */
class PlainDecimalsTest {

  private static BigDecimal token(String number) throws Exception {
    try (JsonParser p = Protocol.mapper().getFactory().createParser("[" + number + "]")) {
      p.nextToken();
      assertEquals(JsonToken.VALUE_NUMBER_FLOAT, p.nextToken(), number);
      return PlainDecimals.of(p);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0",
        "-0.0",
        "1.5",
        "1.50",
        "-12.500",
        "4539.75",
        "79.19",
        "0.000001",
        "123456789.123456789",
        "-999999999999999999.0",
        "99999999999999999.9",
        "1e3",
        "1E-3",
        "-2.5e+10",
        "1.5E400",
        "1234567890123456789.5",
        "0.1234567890123456789",
        "3.141592653589793238462643383279"
      })
  void tokensGiveTheBigDecimalOfTheirText(String number) throws Exception {
    BigDecimal expected = new BigDecimal(number);
    BigDecimal actual = token(number);
    assertEquals(expected, actual, number); // BigDecimal.equals compares the scale too
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void plainShapesAreBuiltFromTheirDigitsAndOthersAreLeftToTheParser() {
    assertNotNull(PlainDecimals.plain("-123456789.123456789".toCharArray(), 0, 20));
    assertNull(PlainDecimals.plain("1234567890.123456789".toCharArray(), 0, 20), "19 digits");
    assertNull(PlainDecimals.plain("1e3".toCharArray(), 0, 3));
    assertNull(PlainDecimals.plain("1.".toCharArray(), 0, 2));
    assertNull(PlainDecimals.plain("-".toCharArray(), 0, 1));
    assertNull(PlainDecimals.plain("1.2.3".toCharArray(), 0, 5));
    assertEquals(new BigDecimal("2.5"), PlainDecimals.plain("x2.5y".toCharArray(), 1, 3));
  }

  @Test
  void randomDecimalsGiveTheBigDecimalOfTheirText() throws Exception {
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
      int whole = random.nextInt(12);
      b.append(whole == 0 ? "0" : String.valueOf(1 + random.nextInt(9)));
      for (int k = 1; k < whole; k++) {
        b.append(random.nextInt(10));
      }
      b.append('.');
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(random.nextInt(10));
      }
      String s = b.toString();
      BigDecimal expected = new BigDecimal(s);
      BigDecimal actual = token(s);
      assertEquals(expected, actual, s);
    }
  }
}
