package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The writer's connections, without a database: fake connections that record what was done. */
class ConnectionPoolTest {

  /** A connection's observable state, behind a {@link Proxy} implementing {@link Connection}. */
  static final class Fake {
    final int number;
    final List<String> calls = new ArrayList<>();
    boolean closed;
    boolean valid = true;
    SQLException rollbackFailure;
    SQLException closeFailure;
    final Connection connection;

    Fake(int number) {
      this.number = number;
      this.connection =
          (Connection)
              Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (proxy, method, args) -> {
                    String name = method.getName();
                    if (method.getDeclaringClass() != Object.class) {
                      synchronized (this) {
                        calls.add(args == null ? name : name + args[0]);
                      }
                    }
                    switch (name) {
                      case "close":
                        closed = true;
                        if (closeFailure != null) {
                          throw closeFailure;
                        }
                        return null;
                      case "isClosed":
                        return closed;
                      case "isValid":
                        return valid && !closed;
                      case "rollback":
                        if (rollbackFailure != null) {
                          throw rollbackFailure;
                        }
                        return null;
                      case "hashCode":
                        return System.identityHashCode(proxy);
                      case "equals":
                        return proxy == args[0];
                      case "toString":
                        return "fake connection " + number;
                      default:
                        return null; // setAutoCommit, commit: nothing to do
                    }
                  });
    }
  }

  /** Opens fakes, numbered from 1, and remembers them. */
  static final class Factory implements ConnectionFactory {
    final List<Fake> opened = new ArrayList<>();
    SQLException nextFailure;

    @Override
    public synchronized Connection open() throws SQLException {
      if (nextFailure != null) {
        SQLException e = nextFailure;
        nextFailure = null;
        throw e;
      }
      Fake f = new Fake(opened.size() + 1);
      opened.add(f);
      return f.connection;
    }

    synchronized int count() {
      return opened.size();
    }

    Fake fake(Connection c) {
      for (Fake f : opened) {
        if (f.connection == c) {
          return f;
        }
      }
      throw new AssertionError("not opened here: " + c);
    }
  }

  final Factory factory = new Factory();

  ConnectionPool pool(int max) {
    return new ConnectionPool(factory, new PostgresDialect(), max);
  }

  @Test
  void callsThatDoNotOverlapShareOneConnection() throws Exception {
    ConnectionPool pool = pool(4);
    Connection first = pool.borrow(null);
    pool.release(first, null);
    Connection again = pool.borrow(null);
    pool.release(again, null);
    assertSame(first, pool.borrow(first));
    assertEquals(1, factory.count());
    assertEquals(
        List.of("setAutoCommittrue", "setAutoCommitfalse"),
        factory.fake(first).calls,
        "configured in auto-commit mode, then auto-commit off");
  }

  @Test
  void aStreamGetsItsLastConnectionBackWhenItIsIdle() throws Exception {
    ConnectionPool pool = pool(3);
    Connection a = pool.borrow(null);
    Connection b = pool.borrow(null);
    Connection c = pool.borrow(null);
    assertEquals(3, factory.count());
    pool.release(a, null);
    pool.release(b, null);
    pool.release(c, null);
    assertSame(a, pool.borrow(a));
    assertSame(b, pool.borrow(b));
    assertSame(c, pool.borrow(a), "the preferred one is lent: another idle one, no new one");
    assertEquals(3, factory.count());
  }

  @Test
  void neverOpensMoreThanMaxAndAWaitingCallGetsTheNextReturnedConnection() throws Exception {
    ConnectionPool pool = pool(2);
    Connection a = pool.borrow(null);
    Connection b = pool.borrow(null);
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CompletableFuture<Connection> third =
        CompletableFuture.supplyAsync(
            () -> {
              waiter.set(Thread.currentThread());
              try {
                return pool.borrow(null);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (waiter.get() == null || waiter.get().getState() != Thread.State.WAITING) {
      assertTrue(System.nanoTime() < deadline, "the third call should wait for a connection");
      Thread.sleep(5);
    }
    assertFalse(third.isDone());
    pool.release(b, null);
    assertSame(b, third.get(30, TimeUnit.SECONDS));
    assertEquals(2, factory.count());
    pool.release(a, null);
  }

  @Test
  void aConnectionBrokenByAFailedCallIsClosedAndTheNextCallOpensANewOne() throws Exception {
    ConnectionPool pool = pool(1);
    Connection broken = pool.borrow(null);
    factory.fake(broken).valid = false;
    factory.fake(broken).closeFailure = new SQLException("already gone");
    SQLException failure = new SQLException("I/O error");
    pool.release(broken, failure);
    assertTrue(factory.fake(broken).closed);
    assertEquals("already gone", failure.getSuppressed()[0].getMessage());
    Connection next = pool.borrow(broken);
    assertNotSame(broken, next);
    assertEquals(2, factory.count());
    assertFalse(factory.fake(next).closed);
  }

  @Test
  void aConnectionThatStillWorksAfterAFailedCallIsKept() throws Exception {
    ConnectionPool pool = pool(1);
    Connection c = pool.borrow(null);
    pool.release(c, new SQLException("duplicate key"));
    assertFalse(factory.fake(c).closed);
    assertSame(c, pool.borrow(null));
    assertEquals(1, factory.count());
  }

  @Test
  void aFailedOpenFreesItsPlace() throws Exception {
    ConnectionPool pool = pool(1);
    factory.nextFailure = new SQLException("connection refused");
    assertEquals(
        "connection refused",
        assertThrows(SQLException.class, () -> pool.borrow(null)).getMessage());
    Connection c = pool.borrow(null);
    assertEquals(1, factory.count());
    pool.release(c, null);
  }

  @Test
  void closeRollsBackAndClosesEveryConnectionAndReportsTheFirstFailure() throws Exception {
    ConnectionPool pool = pool(3);
    Connection a = pool.borrow(null);
    Connection b = pool.borrow(null);
    Connection c = pool.borrow(null);
    pool.release(a, null);
    pool.release(c, null); // b is still lent: close reaches it too
    factory.fake(a).rollbackFailure = new SQLException("rollback a");
    factory.fake(c).closeFailure = new SQLException("close c");
    Exception failure = pool.close();
    assertEquals("rollback a", failure.getMessage());
    assertEquals("close c", failure.getSuppressed()[0].getMessage());
    for (Connection x : List.of(a, b, c)) {
      Fake f = factory.fake(x);
      assertTrue(f.closed, f.connection + " closed");
      assertEquals(List.of("rollback", "close"), f.calls.subList(2, 4), f.connection.toString());
    }
    assertNull(pool.close(), "nothing left to close");
  }

  @Test
  void aPoolWithoutConnectionsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> pool(0));
  }
}
