/**
 * The WSDL of our GITB validation service (`GET /gitb/validation?wsdl`), written here: the GITB
 * validation service's port type and SOAP 1.1 document/literal binding (operations `getModuleDefinition`
 * and `validate`, WS-Addressing actions as the GITB WSDL names them), its address the request's own base
 * URL, and the message types inline — the part of the GITB types (vs, core, tr namespaces) that these two
 * operations use, so that a client needs nothing but this document. The test bed itself only takes the
 * address from it (it has the GITB types compiled in).
 */
import { NS } from './gitb.js';

const XSD = 'http://www.w3.org/2001/XMLSchema';

/** Text for an attribute value. */
function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The message types of the vs namespace: requests and responses (their own elements unqualified, as GITB's). */
const VS_SCHEMA = `
    <xsd:schema targetNamespace="${NS.vs}" xmlns:xsd="${XSD}" xmlns:vs="${NS.vs}" xmlns:gitb="${NS.core}" xmlns:tr="${NS.tr}">
      <xsd:import namespace="${NS.core}"/>
      <xsd:import namespace="${NS.tr}"/>
      <xsd:element name="GetModuleDefinitionRequest" type="vs:Void"/>
      <xsd:element name="GetModuleDefinitionResponse" type="vs:GetModuleDefinitionResponse"/>
      <xsd:element name="ValidateRequest" type="vs:ValidateRequest"/>
      <xsd:element name="ValidationResponse" type="vs:ValidationResponse"/>
      <xsd:complexType name="Void"><xsd:sequence/></xsd:complexType>
      <xsd:complexType name="GetModuleDefinitionResponse">
        <xsd:sequence><xsd:element name="module" type="gitb:ValidationModule"/></xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="ValidateRequest">
        <xsd:sequence>
          <xsd:element name="sessionId" type="xsd:string" minOccurs="0"/>
          <xsd:element name="config" type="gitb:Configuration" minOccurs="0" maxOccurs="unbounded"/>
          <xsd:element name="input" type="gitb:AnyContent" maxOccurs="unbounded"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="ValidationResponse">
        <xsd:sequence><xsd:element name="report" type="tr:TAR"/></xsd:sequence>
      </xsd:complexType>
    </xsd:schema>`;

/** The core namespace: the module definition and the content of inputs. */
const CORE_SCHEMA = `
    <xsd:schema targetNamespace="${NS.core}" elementFormDefault="qualified" xmlns:xsd="${XSD}" xmlns:gitb="${NS.core}">
      <xsd:complexType name="Metadata">
        <xsd:all>
          <xsd:element name="name" type="xsd:string"/>
          <xsd:element name="version" type="xsd:string" minOccurs="0"/>
          <xsd:element name="description" type="xsd:string" minOccurs="0"/>
        </xsd:all>
      </xsd:complexType>
      <xsd:complexType name="Configuration">
        <xsd:simpleContent>
          <xsd:extension base="xsd:string"><xsd:attribute name="name" type="xsd:string" use="required"/></xsd:extension>
        </xsd:simpleContent>
      </xsd:complexType>
      <xsd:complexType name="TestModule">
        <xsd:sequence>
          <xsd:element name="metadata" type="gitb:Metadata"/>
          <xsd:element name="inputs" type="gitb:TypedParameters" minOccurs="0"/>
          <xsd:element name="outputs" type="gitb:TypedParameters" minOccurs="0"/>
        </xsd:sequence>
        <xsd:attribute name="id" type="xsd:string"/>
        <xsd:attribute name="uri" type="xsd:string"/>
        <xsd:attribute name="isRemote" type="xsd:boolean" default="true"/>
        <xsd:attribute name="serviceLocation" type="xsd:string"/>
      </xsd:complexType>
      <xsd:complexType name="ValidationModule">
        <xsd:complexContent>
          <xsd:extension base="gitb:TestModule">
            <xsd:sequence><xsd:element name="configs" type="gitb:ConfigurationParameters" minOccurs="0"/></xsd:sequence>
            <xsd:attribute name="operation" type="xsd:string"/>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:complexType name="ConfigurationParameters">
        <xsd:sequence><xsd:element name="param" type="gitb:Parameter" maxOccurs="unbounded"/></xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="TypedParameters">
        <xsd:sequence><xsd:element name="param" type="gitb:TypedParameter" maxOccurs="unbounded"/></xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="Parameter">
        <xsd:simpleContent>
          <xsd:extension base="xsd:string">
            <xsd:attribute name="name" type="xsd:string" use="required"/>
            <xsd:attribute name="label" type="xsd:string"/>
            <xsd:attribute name="use" type="gitb:UsageEnumeration" default="R"/>
            <xsd:attribute name="kind" type="gitb:ConfigurationType" default="SIMPLE"/>
            <xsd:attribute name="desc" type="xsd:string"/>
          </xsd:extension>
        </xsd:simpleContent>
      </xsd:complexType>
      <xsd:complexType name="TypedParameter">
        <xsd:simpleContent>
          <xsd:extension base="gitb:Parameter">
            <xsd:attribute name="type" type="xsd:string" use="required"/>
            <xsd:attribute name="encoding" type="xsd:string"/>
          </xsd:extension>
        </xsd:simpleContent>
      </xsd:complexType>
      <xsd:simpleType name="UsageEnumeration">
        <xsd:restriction base="xsd:string"><xsd:enumeration value="R"/><xsd:enumeration value="O"/></xsd:restriction>
      </xsd:simpleType>
      <xsd:simpleType name="ConfigurationType">
        <xsd:restriction base="xsd:string">
          <xsd:enumeration value="SIMPLE"/><xsd:enumeration value="BINARY"/><xsd:enumeration value="SECRET"/>
        </xsd:restriction>
      </xsd:simpleType>
      <xsd:complexType name="AnyContent">
        <xsd:sequence>
          <xsd:element name="item" type="gitb:AnyContent" minOccurs="0" maxOccurs="unbounded"/>
          <xsd:element name="value" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
        <xsd:attribute name="name" type="xsd:string"/>
        <xsd:attribute name="embeddingMethod" type="gitb:ValueEmbeddingEnumeration" default="BASE64"/>
        <xsd:attribute name="type" type="xsd:string"/>
        <xsd:attribute name="encoding" type="xsd:string"/>
        <xsd:attribute name="mimeType" type="xsd:string"/>
        <xsd:attribute name="forContext" type="xsd:boolean" default="true"/>
        <xsd:attribute name="forDisplay" type="xsd:boolean" default="true"/>
      </xsd:complexType>
      <xsd:simpleType name="ValueEmbeddingEnumeration">
        <xsd:restriction base="xsd:string">
          <xsd:enumeration value="STRING"/><xsd:enumeration value="BASE64"/><xsd:enumeration value="URI"/>
        </xsd:restriction>
      </xsd:simpleType>
    </xsd:schema>`;

/** The tr namespace: the validation report (TAR) and its items (BAR). */
const TR_SCHEMA = `
    <xsd:schema targetNamespace="${NS.tr}" elementFormDefault="qualified" xmlns:xsd="${XSD}" xmlns:tr="${NS.tr}" xmlns:gitb="${NS.core}">
      <xsd:import namespace="${NS.core}"/>
      <xsd:complexType name="TestStepReportType" abstract="true">
        <xsd:sequence>
          <xsd:element name="date" type="xsd:dateTime"/>
          <xsd:element name="result" type="tr:TestResultType"/>
        </xsd:sequence>
        <xsd:attribute name="id" type="xsd:string"/>
      </xsd:complexType>
      <xsd:complexType name="TAR">
        <xsd:complexContent>
          <xsd:extension base="tr:TestStepReportType">
            <xsd:sequence>
              <xsd:element name="overview" type="tr:ValidationOverview" minOccurs="0"/>
              <xsd:element name="counters" type="tr:ValidationCounters" minOccurs="0"/>
              <xsd:element name="context" type="gitb:AnyContent" minOccurs="0"/>
              <xsd:element name="reports" type="tr:TestAssertionGroupReportsType" minOccurs="0"/>
            </xsd:sequence>
            <xsd:attribute name="name" type="xsd:string"/>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:complexType name="ValidationOverview">
        <xsd:sequence>
          <xsd:element name="profileID" type="xsd:string" minOccurs="0"/>
          <xsd:element name="customizationID" type="xsd:string" minOccurs="0"/>
          <xsd:element name="transactionID" type="xsd:string" minOccurs="0"/>
          <xsd:element name="validationServiceName" type="xsd:string" minOccurs="0"/>
          <xsd:element name="validationServiceVersion" type="xsd:string" minOccurs="0"/>
          <xsd:element name="note" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="ValidationCounters">
        <xsd:sequence>
          <xsd:element name="nrOfAssertions" type="xsd:integer" minOccurs="0"/>
          <xsd:element name="nrOfErrors" type="xsd:integer" minOccurs="0"/>
          <xsd:element name="nrOfWarnings" type="xsd:integer" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="TestAssertionGroupReportsType">
        <xsd:choice>
          <xsd:element name="reports" type="tr:TAR" maxOccurs="unbounded"/>
          <xsd:choice maxOccurs="unbounded">
            <xsd:element name="info" type="tr:TestAssertionReportType"/>
            <xsd:element name="warning" type="tr:TestAssertionReportType"/>
            <xsd:element name="error" type="tr:TestAssertionReportType"/>
          </xsd:choice>
        </xsd:choice>
      </xsd:complexType>
      <xsd:complexType name="TestAssertionReportType" abstract="true"/>
      <xsd:complexType name="BAR">
        <xsd:complexContent>
          <xsd:extension base="tr:TestAssertionReportType">
            <xsd:all>
              <xsd:element name="assertionID" type="xsd:string" minOccurs="0"/>
              <xsd:element name="description" type="xsd:string"/>
              <xsd:element name="location" type="xsd:string" minOccurs="0"/>
              <xsd:element name="test" type="xsd:string" minOccurs="0"/>
              <xsd:element name="type" type="xsd:string" minOccurs="0"/>
              <xsd:element name="value" type="xsd:string" minOccurs="0"/>
            </xsd:all>
          </xsd:extension>
        </xsd:complexContent>
      </xsd:complexType>
      <xsd:simpleType name="TestResultType">
        <xsd:restriction base="xsd:string">
          <xsd:enumeration value="SUCCESS"/><xsd:enumeration value="FAILURE"/>
          <xsd:enumeration value="WARNING"/><xsd:enumeration value="UNDEFINED"/>
        </xsd:restriction>
      </xsd:simpleType>
    </xsd:schema>`;

/** An operation of the binding (document/literal, soapAction empty as in the GITB WSDL). */
function bindingOperation(name: string): string {
  return `
    <operation name="${name}">
      <soap:operation soapAction=""/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>`;
}

/** The WSDL of the service at `address` (the URL the test bed posts to). */
export function gitbWsdl(address: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- medcom-ig: the GITB validation service (getModuleDefinition, validate), SOAP 1.1 document/literal -->
<definitions name="ValidationService" targetNamespace="${NS.vs}"
    xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="${NS.vs}" xmlns:xsd="${XSD}"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata"
    xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl">
  <types>${CORE_SCHEMA}${TR_SCHEMA}${VS_SCHEMA}
  </types>
  <message name="getModuleDefinition"><part name="parameters" element="tns:GetModuleDefinitionRequest"/></message>
  <message name="getModuleDefinitionResponse"><part name="parameters" element="tns:GetModuleDefinitionResponse"/></message>
  <message name="validate"><part name="parameters" element="tns:ValidateRequest"/></message>
  <message name="validateResponse"><part name="parameters" element="tns:ValidationResponse"/></message>
  <portType name="ValidationService">
    <operation name="getModuleDefinition">
      <input wsam:Action="http://gitb.com/ValidationService/getModuleDefinition" message="tns:getModuleDefinition"/>
      <output wsam:Action="http://gitb.com/ValidationService/getModuleDefinitionResponse" message="tns:getModuleDefinitionResponse"/>
    </operation>
    <operation name="validate">
      <input wsam:Action="http://gitb.com/ValidationService/validate" message="tns:validate"/>
      <output wsam:Action="http://gitb.com/ValidationService/validateResponse" message="tns:validateResponse"/>
    </operation>
  </portType>
  <binding name="ValidationServicePortBinding" type="tns:ValidationService">
    <wsaw:UsingAddressing required="false"/>
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOperation('getModuleDefinition')}${bindingOperation('validate')}
  </binding>
  <service name="ValidationService">
    <port name="ValidationServicePort" binding="tns:ValidationServicePortBinding">
      <soap:address location="${attr(address)}"/>
    </port>
  </service>
</definitions>
`;
}
