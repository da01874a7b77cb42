"use client";

// The GraphQL editor: CodeMirror 6 with cm6-graphql, which completes and validates against the
// APIs' schema (built here from the same SDL the endpoint serves). Loaded with a dynamic import
// by testing-tool.tsx, so CodeMirror never weighs on any other page of the console.
import { useEffect, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { buildSchema } from "graphql";
import { graphql } from "cm6-graphql";

export default function GraphqlEditor({
  sdl,
  value,
  onChange,
  labelledBy,
}: {
  sdl: string;
  value: string;
  onChange: (value: string) => void;
  labelledBy: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      doc: value,
      parent: host.current,
      extensions: [
        basicSetup,
        graphql(buildSchema(sdl)),
        EditorView.contentAttributes.of({ "aria-labelledby": labelledBy, "aria-multiline": "true", role: "textbox" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sdl, labelledBy]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} data-testid="graphql-editor" className="min-h-48 overflow-hidden rounded-md border border-slate-300 text-sm" />;
}
