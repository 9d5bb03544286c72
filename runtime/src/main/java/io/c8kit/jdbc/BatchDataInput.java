package io.c8kit.jdbc;

import io.c8kit.runtime.write.RawRecordBatch;
import java.io.InputStream;

/**
 * The {@code data} bytes of a batch's records from record {@code first} on, each followed by a line
 * feed, as one stream: one parser reads a whole batch instead of one parser per record.
 */
final class BatchDataInput extends InputStream {
  private final RawRecordBatch records;
  private int record;
  private int position;

  BatchDataInput(RawRecordBatch records, int first) {
    this.records = records;
    this.record = first;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    int copied = 0;
    while (copied < len && record < records.size()) {
      byte[] data = records.dataBytes(record);
      if (position == data.length) {
        b[off + copied++] = '\n';
        record++;
        position = 0;
        continue;
      }
      int n = Math.min(len - copied, data.length - position);
      System.arraycopy(data, position, b, off + copied, n);
      position += n;
      copied += n;
    }
    return copied == 0 && len > 0 ? -1 : copied;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }
}
