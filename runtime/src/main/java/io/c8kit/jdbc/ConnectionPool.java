package io.c8kit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections of one {@link JdbcSyncWriter}, so that calls for different streams can run at
 * once, each in its own transaction on its own connection: a call borrows one and gives it back
 * when its transaction is over. At most {@code max} are ever open at a time; they are opened only
 * when no idle one is left (so calls that never overlap share one connection), and a stream gets
 * the connection it used last when that one is idle, which keeps its prepared statements.
 */
final class ConnectionPool {
  /** How long a connection that failed a call may take to prove it still works. */
  static final int VALIDATION_TIMEOUT_SECONDS = 5;

  private final ConnectionFactory factory;
  private final SqlDialect dialect;
  private final int max;
  // Guarded by this. Idle connections, the most recently returned last: the first choice after the
  // caller's own, since its server session is the warmest.
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  // Every connection opened and not yet closed, lent or idle: close() reaches all of them.
  private final List<Connection> open = new ArrayList<>();
  // Opened, or being opened outside the lock, and not yet discarded.
  private int slots;

  ConnectionPool(ConnectionFactory factory, SqlDialect dialect, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one connection is needed, not " + max);
    }
    this.factory = factory;
    this.dialect = dialect;
    this.max = max;
  }

  /**
   * An idle connection, {@code preferred} if it is idle; else a new one (configured by the dialect,
   * auto-commit off) while fewer than {@code max} are open; else waits for one to be returned.
   */
  Connection borrow(Connection preferred) throws SQLException, InterruptedException {
    synchronized (this) {
      while (true) {
        if (preferred != null && idle.remove(preferred)) {
          return preferred;
        }
        if (!idle.isEmpty()) {
          return idle.pollLast();
        }
        if (slots < max) {
          slots++;
          break;
        }
        wait();
      }
    }
    // Opened outside the lock: connecting takes a round trip or several, and other calls may go on.
    Connection c;
    try {
      c = openConfigured();
    } catch (SQLException | RuntimeException | Error e) {
      synchronized (this) {
        slots--;
        notifyAll();
      }
      throw e;
    }
    synchronized (this) {
      open.add(c);
    }
    return c;
  }

  /**
   * Takes back a connection after its call. After a failed call ({@code failure} not null) it is
   * kept only if it still works; a broken one is closed (a close failure is added to {@code
   * failure}) and the next call that finds no idle connection opens a new one.
   */
  void release(Connection c, Throwable failure) {
    if (failure != null && !works(c)) {
      synchronized (this) {
        open.remove(c);
        slots--;
        notifyAll();
      }
      try {
        c.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
      return;
    }
    synchronized (this) {
      idle.addLast(c);
      notifyAll();
    }
  }

  /**
   * Rolls back and closes every open connection (nothing uncommitted should remain: never leave a
   * half batch); the first failure is returned with the others suppressed in it, or {@code null}.
   */
  Exception close() {
    List<Connection> all;
    synchronized (this) {
      all = new ArrayList<>(open);
      open.clear();
      idle.clear();
      slots = 0;
      notifyAll();
    }
    Exception failure = null;
    for (Connection c : all) {
      try {
        c.rollback();
      } catch (SQLException e) {
        failure = add(failure, e);
      }
      try {
        c.close();
      } catch (SQLException e) {
        failure = add(failure, e);
      }
    }
    return failure;
  }

  private Connection openConfigured() throws SQLException {
    Connection c = factory.open();
    try {
      c.setAutoCommit(true);
      dialect.configure(c);
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return c;
  }

  private static boolean works(Connection c) {
    try {
      return !c.isClosed() && c.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  static Exception add(Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
