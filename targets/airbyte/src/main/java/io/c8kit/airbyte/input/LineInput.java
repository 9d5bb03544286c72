package io.c8kit.airbyte.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.write.WriteInput;
import io.c8kit.runtime.write.WriteInputException;

/**
 * The Airbyte {@code write} input: each stdin line parsed by {@link MessageParser} and handed to
 * the engine as a {@link WriteInput} event. A STATE travels as the message to echo, as it came.
 */
final class LineInput implements InputLines.Handler {
  private final WriteInput input;
  private final MessageParser parser = new MessageParser();

  LineInput(WriteInput input) {
    this.input = input;
  }

  @Override
  public void line(byte[] buf, int off, int len, long lineNumber) throws Exception {
    if (len == 0) {
      input.ignored(lineNumber);
      return;
    }
    try {
      parser.parse(buf, off, len, lineNumber);
    } catch (WriteInputException e) {
      throw e.inStream(parser.stream == null ? null : display(parser.namespace, parser.stream));
    }
    switch (parser.kind) {
      case RECORD ->
          input.record(
              parser.namespace,
              parser.stream,
              java.util.Arrays.copyOfRange(buf, parser.dataStart, parser.dataEnd),
              parser.emittedAt,
              parser.meta instanceof ObjectNode o ? o : null,
              len,
              lineNumber);
      case STATE -> {
        AirbyteStateMessage state = parser.state.state;
        if (state.effectiveType() == AirbyteStateMessage.Type.STREAM) {
          StreamDescriptor d = state.stream.streamDescriptor;
          input.state(d.namespace, d.name, parser.stateEcho, lineNumber);
        } else {
          input.state(null, null, parser.stateEcho, lineNumber);
        }
      }
      case STREAM_COMPLETE -> input.streamStatus(parser.namespace, parser.stream, true, lineNumber);
      case STREAM_STATUS -> input.streamStatus(parser.namespace, parser.stream, false, lineNumber);
      case BLANK, IGNORED -> input.ignored(lineNumber);
    }
  }

  @Override
  public long idleTimeoutNanos() {
    return input.idleTimeoutNanos();
  }

  @Override
  public void idle() throws Exception {
    input.idle();
  }

  private static String display(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }
}
