import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import "./styles.css";
import { i18nReady } from "./i18n";
import { App } from "./App";
import { GraphQLProvider } from "./client";
import { applyLargeText, largeText } from "./prefs";
import { ViewerProvider } from "./viewer";

applyLargeText(largeText());

void i18nReady.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <BrowserRouter>
        <GraphQLProvider>
          <ViewerProvider>
            <App />
          </ViewerProvider>
        </GraphQLProvider>
      </BrowserRouter>
    </StrictMode>,
  ),
);
