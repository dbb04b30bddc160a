import type { CombinedError } from "@urql/core";
import { useRef, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { toContent, type Draft } from "../../lib/disclosureEditor";

const CreateMutation = graphql(`
  mutation CreateDisclosureDraft($input: CreateDisclosureDraftInput!) {
    createDisclosureDraft(input: $input) {
      disclosure {
        id
      }
      version {
        id
      }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateDisclosureDraft($input: UpdateDisclosureDraftInput!) {
    updateDisclosureDraft(input: $input) {
      disclosure {
        id
      }
      version {
        id
        updatedAt
      }
    }
  }
`);

const CorrectMutation = graphql(`
  mutation CorrectDisclosure($input: CorrectDisclosureInput!) {
    correctDisclosure(input: $input) {
      disclosure {
        id
        hasDraft
      }
      version {
        id
      }
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishDisclosureVersion($input: PublishDisclosureVersionInput!) {
    publishDisclosureVersion(input: $input) {
      disclosure {
        id
        state
        status
        hasDraft
      }
      version {
        id
        state
      }
    }
  }
`);

const DiscardMutation = graphql(`
  mutation DiscardDisclosureDraft($input: DiscardDisclosureDraftInput!) {
    discardDisclosureDraft(input: $input) {
      disclosureId
      disclosure {
        id
        hasDraft
      }
    }
  }
`);

/** Target is what the editor saves to: a new disclosure, a draft version, or a correction of a published disclosure. */
export type Target = { mode: "new"; communityId: string } | { mode: "edit"; versionId: string } | { mode: "correct"; disclosureId: string };

/** Saved names the disclosure and version a save wrote. */
export interface Saved {
  disclosureId: string;
  versionId: string;
}

/**
 * useEditorActions saves the editor's draft (creating, replacing or
 * starting a correction), publishes it, or discards it. The last error,
 * whichever step failed, is kept for the form to show beside its fields.
 */
export function useEditorActions(initial: Target) {
  // Once saved, a new disclosure or a correction is a draft version: a
  // second save (after a refused publication) replaces it.
  const target = useRef(initial);
  const [, create] = useMutation(CreateMutation);
  const [, update] = useMutation(UpdateMutation);
  const [, correct] = useMutation(CorrectMutation);
  const [, publishIt] = useMutation(PublishMutation);
  const [, discardIt] = useMutation(DiscardMutation);
  const [error, setError] = useState<CombinedError>();
  const [busy, setBusy] = useState(false);

  const run = async <T>(step: () => Promise<{ data?: T; error?: CombinedError }>): Promise<T | undefined> => {
    const r = await step();
    setError(r.error);
    return r.error ? undefined : r.data;
  };

  const save = async (d: Draft): Promise<Saved | undefined> => {
    const saved = await saveTo(target.current, d);
    if (saved) target.current = { mode: "edit", versionId: saved.versionId };
    return saved;
  };

  const saveTo = async (target: Target, d: Draft): Promise<Saved | undefined> => {
    const content = toContent(d);
    if (target.mode === "new") {
      const r = await run(() => create({ input: { communityId: target.communityId, kind: d.kind, period: d.period, ...content } }));
      return r && { disclosureId: r.createDisclosureDraft.disclosure.id, versionId: r.createDisclosureDraft.version.id };
    }
    if (target.mode === "edit") {
      const r = await run(() => update({ input: { versionId: target.versionId, ...content, ...(d.reason.trim() ? { reason: d.reason } : {}) } }));
      return r && { disclosureId: r.updateDisclosureDraft.disclosure.id, versionId: r.updateDisclosureDraft.version.id };
    }
    const r = await run(() => correct({ input: { disclosureId: target.disclosureId, reason: d.reason, ...content } }));
    return r && { disclosureId: r.correctDisclosure.disclosure.id, versionId: r.correctDisclosure.version.id };
  };

  return {
    error,
    busy,
    /** saves the draft */
    save: async (d: Draft) => {
      setBusy(true);
      try {
        return await save(d);
      } finally {
        setBusy(false);
      }
    },
    /** saves, then publishes; the saved draft stays when publication is refused */
    publish: async (d: Draft): Promise<{ saved?: Saved; published: boolean }> => {
      setBusy(true);
      try {
        const saved = await save(d);
        if (!saved) return { published: false };
        const r = await run(() => publishIt({ input: { versionId: saved.versionId } }));
        return { saved, published: !!r };
      } finally {
        setBusy(false);
      }
    },
    discard: async (versionId: string) => {
      const r = await run(() => discardIt({ input: { versionId } }));
      return r?.discardDisclosureDraft;
    },
  };
}
