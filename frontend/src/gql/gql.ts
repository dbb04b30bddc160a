/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AssistedPlaces($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssistedPlacesDocument,
    "\n  mutation RegisterAssistedResident($input: RegisterAssistedResidentInput!) {\n    registerAssistedResident(input: $input) {\n      member {\n        id\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.RegisterAssistedResidentDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query Communities($after: String) {\n    communities(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        street {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CommunitiesDocument,
    "\n  query JoinForm($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.JoinFormDocument,
    "\n  mutation RequestToJoin($input: RequestToJoinInput!) {\n    requestToJoin(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n": typeof types.RequestToJoinDocument,
    "\n  query Community($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      settings {\n        timeZone\n      }\n      viewerMembership {\n        id\n        roles\n        assisted\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CommunityDocument,
    "\n  query PendingJoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 1, state: PENDING) {\n        totalCount\n      }\n    }\n  }\n": typeof types.PendingJoinRequestsDocument,
    "\n  query GridsAdmin($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        totalCount\n        nodes {\n          id\n          name\n          code\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GridsAdminDocument,
    "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      grid {\n        id\n        name\n        code\n      }\n    }\n  }\n": typeof types.CreateGridDocument,
    "\n  mutation CreateMicroGrid($input: CreateMicroGridInput!) {\n    createMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n        code\n      }\n    }\n  }\n": typeof types.CreateMicroGridDocument,
    "\n  mutation RenameGrid($input: RenameGridInput!) {\n    renameGrid(input: $input) {\n      grid {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameGridDocument,
    "\n  mutation RenameMicroGrid($input: RenameMicroGridInput!) {\n    renameMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameMicroGridDocument,
    "\n  mutation Logout {\n    logout(input: {}) {\n      ok\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification(input: {}) {\n      ok\n    }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Sessions {\n    viewer {\n      id\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        current\n      }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query Members($id: ID!, $role: Role, $gridId: ID, $after: String) {\n    community(id: $id) {\n      id\n      members(first: 50, role: $role, gridId: $gridId, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          assisted\n          roles\n          joinedAt\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n          workerGrids {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  query GridOptions($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 100) {\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.GridOptionsDocument,
    "\n  query JoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 50, state: PENDING) {\n        totalCount\n        nodes {\n          id\n          createdAt\n          message\n          state\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.JoinRequestsDocument,
    "\n  mutation ApproveJoinRequest($input: ApproveJoinRequestInput!) {\n    approveJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n": typeof types.ApproveJoinRequestDocument,
    "\n  mutation RejectJoinRequest($input: RejectJoinRequestInput!) {\n    rejectJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n        reason\n      }\n    }\n  }\n": typeof types.RejectJoinRequestDocument,
    "\n  query Member($id: ID!) {\n    node(id: $id) {\n      ... on Member {\n        id\n        assisted\n        roles\n        joinedAt\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MemberDocument,
    "\n  mutation AssignRole($input: AssignRoleInput!) {\n    assignRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AssignRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      emailVerified\n      memberships {\n        id\n        roles\n        community {\n          id\n          name\n          kind\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n      joinRequests {\n        id\n        state\n        createdAt\n        reason\n        community {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query AssistedPlaces($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AssistedPlacesDocument,
    "\n  mutation RegisterAssistedResident($input: RegisterAssistedResidentInput!) {\n    registerAssistedResident(input: $input) {\n      member {\n        id\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.RegisterAssistedResidentDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  query Communities($after: String) {\n    communities(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        street {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CommunitiesDocument,
    "\n  query JoinForm($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.JoinFormDocument,
    "\n  mutation RequestToJoin($input: RequestToJoinInput!) {\n    requestToJoin(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n": types.RequestToJoinDocument,
    "\n  query Community($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      settings {\n        timeZone\n      }\n      viewerMembership {\n        id\n        roles\n        assisted\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CommunityDocument,
    "\n  query PendingJoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 1, state: PENDING) {\n        totalCount\n      }\n    }\n  }\n": types.PendingJoinRequestsDocument,
    "\n  query GridsAdmin($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        totalCount\n        nodes {\n          id\n          name\n          code\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n": types.GridsAdminDocument,
    "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      grid {\n        id\n        name\n        code\n      }\n    }\n  }\n": types.CreateGridDocument,
    "\n  mutation CreateMicroGrid($input: CreateMicroGridInput!) {\n    createMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n        code\n      }\n    }\n  }\n": types.CreateMicroGridDocument,
    "\n  mutation RenameGrid($input: RenameGridInput!) {\n    renameGrid(input: $input) {\n      grid {\n        id\n        name\n      }\n    }\n  }\n": types.RenameGridDocument,
    "\n  mutation RenameMicroGrid($input: RenameMicroGridInput!) {\n    renameMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n      }\n    }\n  }\n": types.RenameMicroGridDocument,
    "\n  mutation Logout {\n    logout(input: {}) {\n      ok\n    }\n  }\n": types.LogoutDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification(input: {}) {\n      ok\n    }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query Sessions {\n    viewer {\n      id\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        current\n      }\n    }\n  }\n": types.SessionsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  query Members($id: ID!, $role: Role, $gridId: ID, $after: String) {\n    community(id: $id) {\n      id\n      members(first: 50, role: $role, gridId: $gridId, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          assisted\n          roles\n          joinedAt\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n          workerGrids {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  query GridOptions($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 100) {\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.GridOptionsDocument,
    "\n  query JoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 50, state: PENDING) {\n        totalCount\n        nodes {\n          id\n          createdAt\n          message\n          state\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.JoinRequestsDocument,
    "\n  mutation ApproveJoinRequest($input: ApproveJoinRequestInput!) {\n    approveJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n": types.ApproveJoinRequestDocument,
    "\n  mutation RejectJoinRequest($input: RejectJoinRequestInput!) {\n    rejectJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n        reason\n      }\n    }\n  }\n": types.RejectJoinRequestDocument,
    "\n  query Member($id: ID!) {\n    node(id: $id) {\n      ... on Member {\n        id\n        assisted\n        roles\n        joinedAt\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MemberDocument,
    "\n  mutation AssignRole($input: AssignRoleInput!) {\n    assignRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AssignRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      emailVerified\n      memberships {\n        id\n        roles\n        community {\n          id\n          name\n          kind\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n      joinRequests {\n        id\n        state\n        createdAt\n        reason\n        community {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistedPlaces($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssistedPlaces($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAssistedResident($input: RegisterAssistedResidentInput!) {\n    registerAssistedResident(input: $input) {\n      member {\n        id\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterAssistedResident($input: RegisterAssistedResidentInput!) {\n    registerAssistedResident(input: $input) {\n      member {\n        id\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Communities($after: String) {\n    communities(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        street {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Communities($after: String) {\n    communities(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        street {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinForm($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinForm($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      grids(first: 50) {\n        nodes {\n          id\n          name\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestToJoin($input: RequestToJoinInput!) {\n    requestToJoin(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestToJoin($input: RequestToJoinInput!) {\n    requestToJoin(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Community($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      settings {\n        timeZone\n      }\n      viewerMembership {\n        id\n        roles\n        assisted\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Community($id: ID!) {\n    community(id: $id) {\n      id\n      name\n      kind\n      street {\n        id\n        name\n      }\n      settings {\n        timeZone\n      }\n      viewerMembership {\n        id\n        roles\n        assisted\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingJoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 1, state: PENDING) {\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingJoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 1, state: PENDING) {\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridsAdmin($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        totalCount\n        nodes {\n          id\n          name\n          code\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GridsAdmin($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 50) {\n        totalCount\n        nodes {\n          id\n          name\n          code\n          microGrids(first: 50) {\n            nodes {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      grid {\n        id\n        name\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGrid($input: CreateGridInput!) {\n    createGrid(input: $input) {\n      grid {\n        id\n        name\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMicroGrid($input: CreateMicroGridInput!) {\n    createMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMicroGrid($input: CreateMicroGridInput!) {\n    createMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameGrid($input: RenameGridInput!) {\n    renameGrid(input: $input) {\n      grid {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameGrid($input: RenameGridInput!) {\n    renameGrid(input: $input) {\n      grid {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameMicroGrid($input: RenameMicroGridInput!) {\n    renameMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameMicroGrid($input: RenameMicroGridInput!) {\n    renameMicroGrid(input: $input) {\n      microGrid {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout(input: {}) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout(input: {}) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification(input: {}) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification(input: {}) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      viewer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions {\n    viewer {\n      id\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        current\n      }\n    }\n  }\n"): (typeof documents)["\n  query Sessions {\n    viewer {\n      id\n      sessions {\n        id\n        createdAt\n        lastSeenAt\n        expiresAt\n        userAgent\n        current\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($id: ID!, $role: Role, $gridId: ID, $after: String) {\n    community(id: $id) {\n      id\n      members(first: 50, role: $role, gridId: $gridId, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          assisted\n          roles\n          joinedAt\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n          workerGrids {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($id: ID!, $role: Role, $gridId: ID, $after: String) {\n    community(id: $id) {\n      id\n      members(first: 50, role: $role, gridId: $gridId, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          assisted\n          roles\n          joinedAt\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n          workerGrids {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridOptions($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 100) {\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GridOptions($id: ID!) {\n    community(id: $id) {\n      id\n      grids(first: 100) {\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 50, state: PENDING) {\n        totalCount\n        nodes {\n          id\n          createdAt\n          message\n          state\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinRequests($id: ID!) {\n    community(id: $id) {\n      id\n      joinRequests(first: 50, state: PENDING) {\n        totalCount\n        nodes {\n          id\n          createdAt\n          message\n          state\n          user {\n            id\n            name\n          }\n          grid {\n            id\n            name\n          }\n          microGrid {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveJoinRequest($input: ApproveJoinRequestInput!) {\n    approveJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveJoinRequest($input: ApproveJoinRequestInput!) {\n    approveJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectJoinRequest($input: RejectJoinRequestInput!) {\n    rejectJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectJoinRequest($input: RejectJoinRequestInput!) {\n    rejectJoinRequest(input: $input) {\n      joinRequest {\n        id\n        state\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Member($id: ID!) {\n    node(id: $id) {\n      ... on Member {\n        id\n        assisted\n        roles\n        joinedAt\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Member($id: ID!) {\n    node(id: $id) {\n      ... on Member {\n        id\n        assisted\n        roles\n        joinedAt\n        user {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignRole($input: AssignRoleInput!) {\n    assignRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignRole($input: AssignRoleInput!) {\n    assignRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      member {\n        id\n        roles\n        workerGrids {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      emailVerified\n      memberships {\n        id\n        roles\n        community {\n          id\n          name\n          kind\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n      joinRequests {\n        id\n        state\n        createdAt\n        reason\n        community {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      emailVerified\n      memberships {\n        id\n        roles\n        community {\n          id\n          name\n          kind\n        }\n        workerGrids {\n          id\n          name\n        }\n      }\n      joinRequests {\n        id\n        state\n        createdAt\n        reason\n        community {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        microGrid {\n          id\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;