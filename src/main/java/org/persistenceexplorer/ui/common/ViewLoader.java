package org.persistenceexplorer.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML from the top-level fxml/ folder: {@code /fxml/<ControllerClass>.fxml},
 * with the given, already-built controller (it holds its view-model). Views that include others
 * ({@code fx:include} with controllers of their own) name how to build those with
 * {@link #nested}. FX thread.
 */
public final class ViewLoader {

    private final Object controller;
    private final Map<Class<?>, Supplier<?>> nested = new HashMap<>();

    private ViewLoader(Object controller) {
        this.controller = controller;
    }

    /** The FXML resource for a controller class. */
    public static URL fxmlFor(Class<?> controllerType) {
        String name = "/fxml/" + controllerType.getSimpleName() + ".fxml";
        URL url = controllerType.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing view file " + name);
        }
        return url;
    }

    /** Loads the controller's view; the FXML's fx:controller must name the controller's class. */
    public static Parent load(Object controller) {
        return forController(controller).load();
    }

    /** Starts describing a load, for views with nested controllers. */
    public static ViewLoader forController(Object controller) {
        return new ViewLoader(controller);
    }

    /** How to build the controller of an {@code fx:include}d view of this type. */
    public <C> ViewLoader nested(Class<C> type, Supplier<? extends C> factory) {
        nested.put(type, factory);
        return this;
    }

    /** The class of the view's own controller (its FXML file is named after it). */
    public Class<?> controllerType() {
        return controller.getClass();
    }

    public Parent load() {
        URL url = fxmlFor(controller.getClass());
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            Supplier<?> factory = nested.get(type);
            if (factory != null) {
                return factory.get();
            }
            throw new IllegalStateException(type.getName() + " is neither the controller " + controller.getClass().getName()
                    + " nor a nested controller given to ViewLoader.nested(...)");
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + url, e);
        }
    }
}
