package org.persistenceexplorer.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.PostgresTarget;

/**
 * The Connect dialog's controller: binds the fields to {@link ConnectViewModel} and forwards the
 * buttons; asks before writes are unlocked, naming the servers. FX thread.
 */
public final class ConnectView {

    private static final String OK = "pe-connect-ok";
    private static final String FAILED = "pe-connect-failed";

    private final ConnectViewModel model;
    private final Runnable closer;

    @FXML private ListView<ConnectionProfile> profileList;
    @FXML private TextField nameField;
    @FXML private CheckBox ownPostgres;
    @FXML private GridPane postgresGrid;
    @FXML private TextField pgHost;
    @FXML private TextField pgPort;
    @FXML private TextField pgDatabase;
    @FXML private TextField pgUrl;
    @FXML private TextField pgUser;
    @FXML private PasswordField pgPassword;
    @FXML private ComboBox<String> pgSslMode;
    @FXML private TextField pgApplicationName;
    @FXML private TextField timeout;
    @FXML private Button testPostgres;
    @FXML private Label pgAnswer;
    @FXML private CheckBox ownNeo4j;
    @FXML private GridPane neo4jGrid;
    @FXML private TextField neoUri;
    @FXML private TextField neoDatabase;
    @FXML private TextField neoUser;
    @FXML private PasswordField neoPassword;
    @FXML private Button testNeo4j;
    @FXML private Label neoAnswer;
    @FXML private Label access;
    @FXML private Button unlock;
    @FXML private Label message;
    @FXML private Button saveButton;
    @FXML private Button useButton;
    @FXML private Button newButton;

    /** @param closer closes the window the dialog is in */
    public ConnectView(ConnectViewModel model, Runnable closer) {
        this.model = model;
        this.closer = closer;
    }

    @FXML
    private void initialize() {
        profileList.setItems(model.profiles());
        profileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name()
                        + (item.name().equals(model.currentProperty().get()) ? "  (in use)" : "")
                        + (item.readOnly() ? "\n  read-only" : ""));
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && profileList.getSelectionModel().getSelectedItem() != now) {
                profileList.getSelectionModel().select(now);
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedProperty().get()) {
                model.select(now);
            }
        });
        model.currentProperty().addListener((obs, old, now) -> profileList.refresh());
        nameField.textProperty().bindBidirectional(model.nameProperty());
        ownPostgres.selectedProperty().bindBidirectional(model.ownPostgresProperty());
        ownNeo4j.selectedProperty().bindBidirectional(model.ownNeo4jProperty());
        postgresGrid.disableProperty().bind(ownPostgres.selectedProperty().not());
        neo4jGrid.disableProperty().bind(ownNeo4j.selectedProperty().not());
        testPostgres.disableProperty().bind(ownPostgres.selectedProperty().not());
        testNeo4j.disableProperty().bind(ownNeo4j.selectedProperty().not());
        pgHost.textProperty().bindBidirectional(model.pgHostProperty());
        number(pgPort, model.pgPortProperty());
        number(timeout, model.timeoutSecondsProperty());
        pgDatabase.textProperty().bindBidirectional(model.pgDatabaseProperty());
        pgUrl.textProperty().bindBidirectional(model.pgUrlProperty());
        pgUser.textProperty().bindBidirectional(model.pgUserProperty());
        pgPassword.textProperty().bindBidirectional(model.pgPasswordProperty());
        pgSslMode.getItems().add("");
        pgSslMode.getItems().addAll(PostgresTarget.SSL_MODES);
        pgSslMode.valueProperty().bindBidirectional(model.pgSslModeProperty());
        pgApplicationName.textProperty().bindBidirectional(model.pgApplicationNameProperty());
        neoUri.textProperty().bindBidirectional(model.neoUriProperty());
        neoDatabase.textProperty().bindBidirectional(model.neoDatabaseProperty());
        neoUser.textProperty().bindBidirectional(model.neoUserProperty());
        neoPassword.textProperty().bindBidirectional(model.neoPasswordProperty());
        answer(pgAnswer, model.pgAnswerProperty(), model.pgAnswerOkProperty());
        answer(neoAnswer, model.neoAnswerProperty(), model.neoAnswerOkProperty());
        access.textProperty().bind(model.accessProperty());
        message.textProperty().bind(model.messageProperty());
        unlock.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !(ownPostgres.isSelected() || ownNeo4j.isSelected()), ownPostgres.selectedProperty(),
                ownNeo4j.selectedProperty()).or(model.busyProperty()));
        useButton.disableProperty().bind(model.busyProperty());
        saveButton.disableProperty().bind(model.busyProperty());
        newButton.disableProperty().bind(model.busyProperty());
        model.load();
    }

    private static void number(TextField field, javafx.beans.property.IntegerProperty value) {
        field.setText(String.valueOf(value.get()));
        value.addListener((obs, old, now) -> {
            if (!field.getText().strip().equals(String.valueOf(now))) {
                field.setText(String.valueOf(now));
            }
        });
        field.textProperty().addListener((obs, old, now) -> {
            try {
                value.set(Integer.parseInt(now.strip()));
            } catch (NumberFormatException e) {
                value.set(-1); // the profile's check says what is wrong
            }
        });
    }

    private static void answer(Label label, javafx.beans.value.ObservableStringValue text,
                               javafx.beans.value.ObservableBooleanValue ok) {
        label.textProperty().bind(text);
        Runnable style = () -> {
            label.getStyleClass().removeAll(OK, FAILED);
            if (!text.get().isEmpty() && !text.get().startsWith("Testing")) {
                label.getStyleClass().add(ok.get() ? OK : FAILED);
            }
        };
        text.addListener((obs, old, now) -> style.run());
        ok.addListener((obs, old, now) -> style.run());
    }

    @FXML
    private void newProfile() {
        model.newProfile();
        profileList.getSelectionModel().clearSelection();
        nameField.requestFocus();
    }

    @FXML
    private void testPostgres() {
        model.testPostgres();
    }

    @FXML
    private void testNeo4j() {
        model.testNeo4j();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void use() {
        if (model.needsNeo4jPassword()) {
            neoPassword.requestFocus();
        }
        model.use();
    }

    @FXML
    private void unlockWrites() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.unlockQuestion(), ButtonType.CANCEL, ButtonType.YES);
        confirm.setHeaderText("Unlock writes on '" + model.nameProperty().get() + "'?");
        confirm.initOwner(profileList.getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.YES::equals).ifPresent(yes -> model.unlockWrites());
    }

    @FXML
    private void close() {
        closer.run();
    }
}
