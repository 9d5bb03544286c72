package io.c8kit.e2e;

import io.c8kit.acceptance.singer.SingerConformance;
import io.c8kit.acceptance.singer.SingerRunner;
import io.c8kit.examples.faker.FakerConnector;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Singer conformance checks of the acceptance kit against every example, in-process (faker on
 * the class path, the others from their jars in their own class loaders) and as its jar ({@code
 * java -cp JAR io.c8kit.singer.TapMain|TargetMain}, what the launchers run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingerConformanceTest {
  private static final String SRC = "e2e_singer_conf_src";
  private static final String DST = "e2e_singer_conf_dst";

  @TempDir Path dir;
  private PostgresServer pg;

  @TestFactory
  Stream<DynamicTest> tapFaker() {
    String config = "{\"count\": 30, \"seed\": 4, \"always_updated\": false}";
    return Stream.concat(
        SingerConformance.tap(SingerRunner.tap(new FakerConnector()), config, dir),
        SingerConformance.tap(
            SingerRunner.jar(Artifacts.jar(Artifacts.SOURCE_FAKER), true), config, dir));
  }

  @TestFactory
  Stream<DynamicTest> targetSqlite() {
    String inProcess = "{\"destination_path\": \"" + dir.resolve("in-process.sqlite") + "\"}";
    String jar = "{\"destination_path\": \"" + dir.resolve("jar.sqlite") + "\"}";
    return Stream.concat(
        SingerConformance.target(
            SingerRunner.inProcessJar(Artifacts.jar(Artifacts.DESTINATION_SQLITE), false),
            inProcess,
            dir),
        SingerConformance.target(
            SingerRunner.jar(Artifacts.jar(Artifacts.DESTINATION_SQLITE), false), jar, dir));
  }

  @TestFactory
  Stream<DynamicTest> tapPostgres() throws Exception {
    pg = PostgresServer.require();
    pg.createDatabase(SRC);
    pg.sql(
        SRC,
        "create table public.items (id int primary key, label text, updated_at timestamptz not null)",
        "insert into public.items select g, 'item ' || g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'"
            + " from generate_series(1, 25) g");
    String config = pg.sourceConfig(SRC, "public").toString();
    return Stream.concat(
        SingerConformance.tap(
            SingerRunner.inProcessJar(Artifacts.jar(Artifacts.SOURCE_POSTGRES), true), config, dir),
        SingerConformance.tap(
            SingerRunner.jar(Artifacts.jar(Artifacts.SOURCE_POSTGRES), true), config, dir));
  }

  @TestFactory
  Stream<DynamicTest> targetPostgres() throws Exception {
    pg = PostgresServer.require();
    pg.createDatabase(DST);
    String config = pg.destinationConfig(DST, "singer").toString();
    return Stream.concat(
        SingerConformance.target(
            SingerRunner.inProcessJar(Artifacts.jar(Artifacts.DESTINATION_POSTGRES), false),
            config,
            dir),
        SingerConformance.target(
            SingerRunner.jar(Artifacts.jar(Artifacts.DESTINATION_POSTGRES), false), config, dir));
  }

  @AfterAll
  void tearDown() throws Exception {
    if (pg != null) {
      pg.dropDatabase(SRC);
      pg.dropDatabase(DST);
    }
  }
}
