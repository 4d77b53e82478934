<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Emergency access: username and the code an administrator handed over (module continuity). -->
<@layout.registrationLayout displayMessage=true displayInfo=true; section>
    <#if section = "header">
        ${msg("relais.breakGlass.title")}
    <#elseif section = "form">
        <p id="relais-break-glass-explanation">${msg("relais.breakGlass.explanation")}</p>
        <form id="relais-break-glass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="username" label=msg("username") autocomplete="username" value=(relaisBreakGlassUsername!'') autofocus=true />
            <@field.input name="code" label=msg("relais.breakGlass.code") autocomplete="one-time-code" />
            <@buttons.loginButton />
        </form>
    <#elseif section = "info">
        ${msg("relais.breakGlass.info")}
    </#if>
</@layout.registrationLayout>
