package io.c8kit.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Runs {@link C8kitProcessor} behind a Filer that records every file it creates with the
 * originating elements it passed (and can be told to fail), which compile-testing does not expose.
 */
final class RecordingProcessor extends AbstractProcessor {
  /** One Filer call: the method, the file name and the originating elements' names. */
  record Created(String method, String name, List<String> origins) {}

  private final C8kitProcessor delegate;
  final List<Created> created = new ArrayList<>();
  private final Predicate<String> failOn;

  RecordingProcessor() {
    this(name -> false);
  }

  /** Makes the Filer throw an IllegalStateException for names matching {@code failOn}. */
  RecordingProcessor(Predicate<String> failOn) {
    this(new C8kitProcessor(), failOn);
  }

  /** Records what {@code delegate} (e.g. with more targets) creates. */
  RecordingProcessor(C8kitProcessor delegate, Predicate<String> failOn) {
    this.delegate = delegate;
    this.failOn = failOn;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Filer filer = env.getFiler();
    InvocationHandler filerHandler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("create")) {
            String name = String.valueOf(args[method.getName().equals("createResource") ? 2 : 0]);
            Object[] elements = (Object[]) args[args.length - 1];
            List<String> origins = new ArrayList<>();
            for (Object e : elements) {
              origins.add(((TypeElement) e).getQualifiedName().toString());
            }
            created.add(new Created(method.getName(), name, origins));
            if (failOn.test(name)) {
              throw new IllegalStateException("test failure for " + name);
            }
          }
          return invoke(method, filer, args);
        };
    Filer recording =
        (Filer)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Filer.class}, filerHandler);
    ProcessingEnvironment wrapped =
        (ProcessingEnvironment)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, args) ->
                    method.getName().equals("getFiler") ? recording : invoke(method, env, args));
    delegate.init(wrapped);
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  static String names(Element... elements) {
    return Arrays.toString(elements);
  }
}
