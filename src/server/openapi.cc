// GET /api/v1/openapi.json: the OpenAPI 3 document of the API, written by hand (it is what a
// client reads, so it says more than the route table can) and held to the route table by
// server_test's OpenApiMatchesTheRoutes: every route documented, every documented path routed.
#include "server/api.h"

namespace ansinh::server {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {"title": "An Sinh API", "version": "1",
           "description": "Social security and poverty reduction: units, indicators, targets, households. Sign in with POST /api/v1/login; the session cookie ansinh_session is sent back on every request; state-changing requests carry X-CSRF-Token. Errors: {\"error\": {\"code\", \"message\"}}. See docs/api.md."},
  "components": {
    "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "ansinh_session"}},
    "parameters": {
      "code": {"name": "code", "in": "path", "required": true, "schema": {"type": "string"}, "description": "GSO code of a province (2 digits), district (3) or commune (5)"},
      "year": {"name": "year", "in": "query", "schema": {"type": "integer"}, "description": "survey year (default: the latest)"}
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "message_vi": {"type": "string"}, "field": {"type": "string"}, "value": {"type": "string"}}}}},
      "UnitRef": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "level": {"type": "string", "enum": ["province", "district", "commune"]}}},
      "SignedIn": {"type": "object", "properties": {"user": {"type": "object", "properties": {"username": {"type": "string"}, "role": {"type": "string", "enum": ["administrator", "province", "district", "commune", "viewer"]}, "unit": {"$ref": "#/components/schemas/UnitRef"}}}, "csrf_token": {"type": "string"}}}
    },
    "responses": {
      "Error": {"description": "an error (400 bad parameter, 401 not signed in, 403 outside the user's area or bad CSRF token, 404 unknown, 405 method, 429 too many sign-ins, 503 not ready)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "security": [{"session": []}],
  "paths": {
    "/api/v1/health": {"get": {"summary": "liveness and readiness", "security": [], "responses": {"200": {"description": "{\"status\": \"ok\", \"ready\": bool}"}}}},
    "/api/v1/login": {"post": {"summary": "sign in", "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["username", "password"], "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
      "responses": {"200": {"description": "signed in; sets the ansinh_session cookie", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}}, "401": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/logout": {"post": {"summary": "sign out (needs X-CSRF-Token)", "responses": {"200": {"description": "signed out"}, "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/me": {"get": {"summary": "the signed-in user", "responses": {"200": {"description": "same shape as login", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}}}}},
    "/api/v1/units/{code}": {"get": {"summary": "a unit, its parent, children and survey years", "parameters": [{"$ref": "#/components/parameters/code"}], "responses": {"200": {"description": "{code, name, level, parent, children, years}"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/geo": {"get": {"summary": "district boundaries of a unit (GeoJSON FeatureCollection; properties carry district_code)", "parameters": [{"$ref": "#/components/parameters/code"}], "responses": {"200": {"description": "GeoJSON"}, "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/indicators": {"get": {"summary": "every indicator of a unit and its children in a year", "parameters": [{"$ref": "#/components/parameters/code"}, {"$ref": "#/components/parameters/year"}], "responses": {"200": {"description": "{unit, year, standard, indicators: [{id, name_vi, name_en, unit, value}], children: [{code, name, values}]}"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/series": {"get": {"summary": "indicator values of a unit over the years", "parameters": [{"$ref": "#/components/parameters/code"}, {"name": "indicators", "in": "query", "required": true, "schema": {"type": "string"}, "description": "comma-separated indicator ids"}], "responses": {"200": {"description": "{years, series: {id: [value or null]}}"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/targets": {"get": {"summary": "the resolution's targets for a unit in a year", "parameters": [{"$ref": "#/components/parameters/code"}, {"$ref": "#/components/parameters/year"}], "responses": {"200": {"description": "{targets: [{id, name_vi, name_en, indicator, kind, value, target, status, forecast_year, note, series}]}"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/transitions": {"get": {"summary": "category transitions of a unit between two years", "parameters": [{"$ref": "#/components/parameters/code"}, {"name": "from", "in": "query", "schema": {"type": "integer"}}, {"name": "to", "in": "query", "schema": {"type": "integer"}}], "responses": {"200": {"description": "{from, to, from_states, to_states, matrix, totals: {escaped, newly_poor, repoor}}"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/units/{code}/report.xlsx": {"get": {"summary": "the report workbook of a unit's subtree for a year (ansinh report): sheets Mục tiêu, Theo huyện (province only), Theo xã, Chuyển dịch", "parameters": [{"$ref": "#/components/parameters/code"}, {"$ref": "#/components/parameters/year"}], "responses": {"200": {"description": "the workbook, as an attachment an-sinh-<code>-<year>.xlsx", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/households": {"get": {"summary": "households of a unit, filtered, sorted, paged", "parameters": [
        {"name": "unit", "in": "query", "schema": {"type": "string"}, "description": "default: the user's unit"},
        {"$ref": "#/components/parameters/year"},
        {"name": "category", "in": "query", "schema": {"type": "string", "enum": ["poor", "near_poor", "middle", "other"]}},
        {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "head's name (diacritics ignored) or code prefix"},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["name", "code", "income_pc"]}, "description": "name: Vietnamese collation"},
        {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
        {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
      "responses": {"200": {"description": "{total, page, page_size, items: [{code, head_name, commune, hamlet, members, income_pc, category}]}"}, "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/households/{code}": {"get": {"summary": "a household: members, surveys, classifications", "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}, "description": "household code"}], "responses": {"200": {"description": "{code, commune, hamlet, address, members, surveys: [{year, ..., members, classifications}]}"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/search": {"get": {"summary": "households and persons by name, ID number or code", "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string", "minLength": 2}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}], "responses": {"200": {"description": "{q, items: [{kind, person, household}]}"}, "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/openapi.json": {"get": {"summary": "this document", "responses": {"200": {"description": "OpenAPI 3"}}}}
  }
})json";

Result<ApiReply> OpenApi(ServerContext&, ApiRequest&) {
  ApiReply reply;
  reply.body = OpenApiDocument();
  return reply;
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const nlohmann::json kParsed = nlohmann::json::parse(kDocument);  // immutable
  return kParsed;
}

void AddOpenApiRoute(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/openapi.json", Access::kSession, Scope::kNone,
                    "the OpenAPI document", OpenApi});
}

}  // namespace ansinh::server
