package org.persistenceexplorer.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML from the top-level fxml/ folder: {@code /fxml/<ControllerClass>.fxml},
 * with the given, already-built controller (it holds its view-model). FX thread.
 */
public final class ViewLoader {

    private ViewLoader() {
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
        FXMLLoader loader = new FXMLLoader(fxmlFor(controller.getClass()));
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalStateException(type.getName() + " is not the controller " + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxmlFor(controller.getClass()), e);
        }
    }
}
