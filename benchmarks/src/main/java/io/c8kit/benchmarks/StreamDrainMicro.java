package io.c8kit.benchmarks;

import io.c8kit.benchmarks.synthetic.BenchSource.Row;
import io.c8kit.benchmarks.synthetic.Rows;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A diagnostic for how the read path should drain a {@code java.util.stream.Stream} returned by a
 * {@code @Stream} method: pulled through {@code Stream.iterator()} (a spliterator adapter with a
 * buffer, one {@code tryAdvance} per element) or pushed with {@code forEachOrdered}. Reports thread
 * CPU per element, the median of the rounds after a warm-up third, for a stream shaped as sources
 * write them ({@code LongStream.range(..).mapToObj(Rows::row)}, and with a {@code filter} and a
 * {@code flatMap}), each way in its own rounds. Not a JMH benchmark: it is for a loaded machine.
 *
 * <pre>java -cp c8kit-benchmarks.jar io.c8kit.benchmarks.StreamDrainMicro [rounds] [elements]</pre>
 */
public final class StreamDrainMicro {
  private StreamDrainMicro() {}

  /** What the engine does with each element; cheap, and its result is used so it is not removed. */
  private static final class Sink implements Consumer<Row> {
    long sum;

    @Override
    public void accept(Row row) {
      sum += row.id() + row.age();
    }
  }

  private interface Shape {
    Stream<Row> open(int elements);
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int elements = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    List<String> names = List.of("mapToObj", "filter+mapToObj", "flatMap");
    List<Shape> shapes =
        List.of(
            n -> LongStream.rangeClosed(1, n).mapToObj(Rows::row),
            n -> LongStream.rangeClosed(1, n).filter(i -> i % 7 != 0).mapToObj(Rows::row),
            n ->
                LongStream.range(0, n / 100)
                    .boxed()
                    .flatMap(
                        page ->
                            LongStream.rangeClosed(page * 100 + 1, page * 100 + 100)
                                .mapToObj(Rows::row)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Sink sink = new Sink();
    for (int s = 0; s < shapes.size(); s++) {
      Shape shape = shapes.get(s);
      // the element cost itself (Rows.row), to subtract: a plain loop
      List<Double> plain = new ArrayList<>();
      List<Double> iterator = new ArrayList<>();
      List<Double> forEach = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t0 = threads.getCurrentThreadCpuTime();
        for (long i = 1; i <= elements; i++) {
          sink.accept(Rows.row(i));
        }
        long t1 = threads.getCurrentThreadCpuTime();
        try (Stream<Row> stream = shape.open(elements)) {
          Iterator<Row> it = stream.iterator();
          while (it.hasNext()) {
            sink.accept(it.next());
          }
        }
        long t2 = threads.getCurrentThreadCpuTime();
        try (Stream<Row> stream = shape.open(elements)) {
          stream.sequential().forEachOrdered(sink);
        }
        long t3 = threads.getCurrentThreadCpuTime();
        plain.add((t1 - t0) / (double) elements);
        iterator.add((t2 - t1) / (double) elements);
        forEach.add((t3 - t2) / (double) elements);
      }
      System.out.printf(
          "%-16s plain loop %5.0f  iterator() %5.0f  forEachOrdered %5.0f ns CPU/element%n",
          names.get(s), median(plain, rounds), median(iterator, rounds), median(forEach, rounds));
    }
    System.out.println("(checksum " + sink.sum + ")");
  }

  private static double median(List<Double> values, int rounds) {
    return Stats.median(values.subList(rounds / 3, rounds));
  }
}
