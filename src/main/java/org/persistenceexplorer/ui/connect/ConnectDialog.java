package org.persistenceexplorer.ui.connect;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.persistenceexplorer.service.connect.Connections;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * Opens the Connect dialog (Ctrl+Shift+K, the Connect button, "Use my own servers…" on the
 * startup screen) as a window of its own over the main one. FX thread.
 */
public final class ConnectDialog {

    private final BackgroundRunner runner;
    private final Connections connections;
    private final Runnable switched;
    private final java.util.function.Consumer<Scene> styler;
    private Stage stage;

    /**
     * @param switched runs on the FX thread after the engines moved to another profile
     * @param styler   gives the dialog's scene the app's stylesheets
     */
    public ConnectDialog(BackgroundRunner runner, Connections connections, Runnable switched,
                         java.util.function.Consumer<Scene> styler) {
        this.runner = runner;
        this.connections = connections;
        this.switched = switched;
        this.styler = styler;
    }

    /** Shows the dialog (again, if it was closed; brought to the front if it is open). */
    public void show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle("Connect — your own servers");
        Stage shown = stage;
        ConnectViewModel model = new ConnectViewModel(runner, connections, switched);
        Parent view = ViewLoader.load(new ConnectView(model, shown::close));
        view.getStylesheets().add(ConnectDialog.class.getResource("/css/connect.css").toExternalForm());
        Scene scene = new Scene(view);
        styler.accept(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The open dialog's window, or null (for tests and screenshots). */
    public Stage stage() {
        return stage;
    }
}
